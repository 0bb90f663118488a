import { ApiProperty } from '@nestjs/swagger';

export class ReferralFeedItem {
  @ApiProperty({ type: Number }) sequence!: number;
  /** Whose event it is (also the CloudEvent's subject). */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The CloudEvent (structured JSON), with `sequence` and `subscriptionid`: the body a webhook gets. */
  @ApiProperty({ type: Object }) event!: Record<string, unknown>;
}

export class ReferralFeedResponse {
  /** The subscription whose sequence this is: the caller's feed, or the webhook subscription asked for. */
  @ApiProperty({ type: String, format: 'uuid' }) subscriptionId!: string;
  @ApiProperty({ type: [ReferralFeedItem] }) items!: ReferralFeedItem[];
  /** What to send as `after` next: the last sequence number answered, or `after` when none. */
  @ApiProperty({ type: Number }) next!: number;
}
