import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STORE_BREAK_KINDS, type StoreBreakKind } from '../../service/store-verifier';

/** One broken link of the store: where the stored history no longer matches its hashes or signed seals. */
export class ChainBreakView {
  /**
   * `event-altered`, `event-missing`: a stream's hash chain; `stream-head-*`, `stream-missing`: a
   * stream's head against its events; `seal-mismatch`: a seal against the events in global order;
   * `seal-signature-invalid`, `seal-key-unknown`: a seal against its Ed25519 signature.
   */
  @ApiProperty({ enum: STORE_BREAK_KINDS }) kind!: StoreBreakKind;
  @ApiPropertyOptional({ type: String }) streamId?: string;
  @ApiPropertyOptional({ type: 'integer' }) streamVersion?: number;
  /**
   * `transaction_id.sequence`: of the event the break is at; of the stream's last event for a head;
   * of the last event a seal covers for a seal.
   */
  @ApiPropertyOptional({ type: String, pattern: '^\\d+\\.\\d+$' }) position?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) eventId?: string;
  @ApiPropertyOptional({ type: 'integer' }) sealNumber?: number;
  /** What does not match, in words (ids and positions only, never personal data). */
  @ApiProperty({ type: String }) detail!: string;
}

/** A verification of this service's event store, done for the request. */
export class StoreVerificationResponse {
  @ApiProperty({ type: String }) service!: string;
  /** The store's PostgreSQL schema. */
  @ApiProperty({ type: String }) schema!: string;
  /** When the verification started: it vouches for the store as it stood then. */
  @ApiProperty({ type: String, format: 'date-time' }) verifiedAt!: string;
  /** No break: every chain, head and seal matches, and every signed seal's signature holds. */
  @ApiProperty({ type: Boolean }) ok!: boolean;
  @ApiProperty({ type: 'integer' }) eventsChecked!: number;
  @ApiProperty({ type: 'integer' }) streamsChecked!: number;
  @ApiProperty({ type: 'integer' }) sealsChecked!: number;
  /** Seals written before seals were signed: they vouch for the order only as far as the database is trusted. */
  @ApiProperty({ type: 'integer' }) unsignedSeals!: number;
  /** Events after the last seal: covered by their stream chains only until the sealer reaches them (seconds). */
  @ApiProperty({ type: 'integer' }) unsealedEvents!: number;
  /** Every break found, streams first, then heads, then seals; at most 1,000. */
  @ApiProperty({ type: [ChainBreakView] }) breaks!: ChainBreakView[];
  /** More breaks were found than listed. */
  @ApiProperty({ type: Boolean }) breaksTruncated!: boolean;
}
