import { ApiProperty } from '@nestjs/swagger';

/** A redelivery the service took: its events are in its outbox, on their way to the topics. */
export class RedeliveryResponse {
  /** The redelivery's id: its record's in the service's store and the ledger, and `ce_redeliveryid` on each message. */
  @ApiProperty({ type: String, format: 'uuid' }) redeliveryId!: string;
  /** How many events are sent again. */
  @ApiProperty({ type: 'integer', minimum: 1 }) events!: number;
  /** The global position of the first and the last of them (`<transaction>.<sequence>`). */
  @ApiProperty({ type: String, pattern: '^\\d+\\.\\d+$' }) firstPosition!: string;
  @ApiProperty({ type: String, pattern: '^\\d+\\.\\d+$' }) lastPosition!: string;
  /** Where they go, by the names in the contracts: the topics, or the consumer group's redelivery topics. */
  @ApiProperty({ type: [String] }) topics!: string[];
}
