import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RotateWebhookKeyRequest {
  /** How long the previous key keeps signing beside the new one (both signatures are sent): 24 h by default. */
  @IsOptional() @IsInt() @Min(0) @Max(168) overlapHours?: number;
}
