import { IsInt, IsISO8601, IsOptional, Max, Min, ValidateIf } from 'class-validator';

export class SetPantiCapacityRequest {
  @IsInt() @Min(0) @Max(10_000) beds!: number;
  /** How many requests may wait when every bed is taken; `0` declines them, absent or `null` sets no limit. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsInt() @Min(0) waitlistLimit?: number | null;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
