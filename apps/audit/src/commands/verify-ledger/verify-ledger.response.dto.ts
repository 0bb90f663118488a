import { ApiProperty } from '@nestjs/swagger';

export class LedgerBreakDto {
  @ApiProperty({
    enum: [
      'leaf-mismatch',
      'leaf-missing',
      'checkpoint-root-mismatch',
      'checkpoint-signature-invalid',
      'checkpoint-beyond-ledger',
    ],
  })
  kind!: string;
  @ApiProperty({ type: Number, required: false }) leafIndex?: number;
  /** The ledger entry's integration event id. */
  @ApiProperty({ type: String, required: false }) eventId?: string;
  /** The ledger event's global position in the audit store. */
  @ApiProperty({ type: String, required: false }) position?: string;
  @ApiProperty({ type: Number, required: false }) treeSize?: number;
  @ApiProperty({ type: String }) detail!: string;
}

/** The ledger checked against its signed checkpoints; recorded as an event of the audit store. */
export class LedgerVerificationResponse {
  @ApiProperty({ type: String, format: 'uuid' }) verificationId!: string;
  @ApiProperty({ type: Boolean }) ok!: boolean;
  @ApiProperty({ type: Number }) entriesChecked!: number;
  @ApiProperty({ type: Number }) checkpointsChecked!: number;
  /** Every broken link (at most 1,000), not only the first. */
  @ApiProperty({ type: [LedgerBreakDto] }) breaks!: LedgerBreakDto[];
}
