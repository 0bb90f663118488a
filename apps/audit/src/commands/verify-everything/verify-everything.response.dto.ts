import { ApiProperty } from '@nestjs/swagger';

/** One broken link, named well enough to find it. */
export class VerificationBreakDto {
  /** A store's kinds (`event-altered`, `seal-signature-invalid`, …) or the ledger's (`leaf-mismatch`, `checkpoint-root-mismatch`, …). */
  @ApiProperty({ type: String }) kind!: string;
  @ApiProperty({ type: String }) detail!: string;
  @ApiProperty({ type: String, required: false }) streamId?: string;
  @ApiProperty({ type: Number, required: false }) streamVersion?: number;
  /** The global position in the store (`transaction.sequence`). */
  @ApiProperty({ type: String, required: false }) position?: string;
  @ApiProperty({ type: String, required: false }) eventId?: string;
  @ApiProperty({ type: Number, required: false }) sealNumber?: number;
  @ApiProperty({ type: Number, required: false }) leafIndex?: number;
  @ApiProperty({ type: Number, required: false }) treeSize?: number;
}

export class SubjectOutcomeDto {
  /** A service's store (`intake`, …), the audit service's own (`audit`), or the ledger's tree (`ledger`). */
  @ApiProperty({ type: String }) subject!: string;
  @ApiProperty({ type: Boolean }) ok!: boolean;
  /** Events (or ledger entries) checked. */
  @ApiProperty({ type: Number }) checked!: number;
  /** Every break found, not only the first. */
  @ApiProperty({ type: [VerificationBreakDto] }) breaks!: VerificationBreakDto[];
  /** Why the subject could not be verified at all (unreachable, refused). */
  @ApiProperty({ type: String, required: false }) error?: string;
}

/** Every store and the ledger, verified now; each outcome recorded in the audit store. */
export class VerificationRunResponse {
  @ApiProperty({ type: String, format: 'uuid' }) verificationId!: string;
  @ApiProperty({ type: Boolean }) ok!: boolean;
  @ApiProperty({ type: [SubjectOutcomeDto] }) results!: SubjectOutcomeDto[];
}
