import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class WebhookAttemptsQuery {
  /** At most this many, newest first (100 by default). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  /** Pages on: the attempts before this attempt id. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
}
