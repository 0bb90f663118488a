import { ApiProperty } from '@nestjs/swagger';

/** One attempt to deliver one event: when, what the receiver answered, how long it took. */
export class WebhookAttemptView {
  /** The event's number; 0 for a FHIR handshake or heartbeat. */
  @ApiProperty({ type: Number }) sequence!: number;
  /** Null for a FHIR handshake or heartbeat. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) eventId!: string | null;
  /** The attempt's number for this delivery, from 1. */
  @ApiProperty({ type: Number }) attempt!: number;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  /** The HTTP status answered; null when none came (see error). */
  @ApiProperty({ type: Number, nullable: true }) statusCode!: number | null;
  @ApiProperty({ type: Number }) latencyMs!: number;
  /**
   * `delivered`, `retry`, `gone` (410: the subscription was disabled), `failing` (retries spent:
   * disabled); for FHIR subscriptions also `handshake`, `handshake-failed`, `heartbeat`, `heartbeat-failed`.
   */
  @ApiProperty({ type: String }) outcome!: string;
  /** Why no answer came: `timeout`, `address-not-allowed`, `url-not-allowed`, `connection-failed`. */
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class WebhookAttemptsResponse {
  @ApiProperty({ type: [WebhookAttemptView] }) attempts!: WebhookAttemptView[];
}
