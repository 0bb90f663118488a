import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Min } from 'class-validator';

/** Which delivered events to send again: by number, by time, or both (each bound inclusive). */
export class RedeliverWebhookEventsRequest {
  @IsOptional() @IsInt() @Min(1) fromSequence?: number;
  @IsOptional() @IsInt() @Min(1) toSequence?: number;
  /** Enqueued at or after this time. */
  @IsOptional() @Type(() => Date) @IsDate() since?: Date;
  /** Enqueued at or before this time. */
  @IsOptional() @Type(() => Date) @IsDate() until?: Date;
}

export class RedeliverWebhookEventsResponse {
  /** How many events were queued again. */
  redelivered!: number;
}
