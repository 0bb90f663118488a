import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ReferralFeedQuery {
  /** The last sequence number the caller has; 0 (the default) reads from the start. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;
  /** Seconds to wait for an event when none is there yet (long polling), at most 30; 0 by default. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(30) wait?: number;
  /** At most this many events (100 by default). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  /**
   * Reads one of the caller's webhook subscriptions instead of its own feed: the same events with
   * the same sequence numbers as its webhooks (to catch up, or to check).
   */
  @IsOptional() @IsUUID() subscriptionId?: string;
}
