import { ApiProperty } from '@nestjs/swagger';

/** A tree head of the ledger (RFC 9162): how many entries, the root over them, when. */
export class CheckpointBody {
  @ApiProperty({ type: String, example: 'lintas.audit-ledger' }) origin!: string;
  @ApiProperty({ type: Number }) treeSize!: number;
  /** The Merkle tree's root hash, base64. */
  @ApiProperty({ type: String }) rootHash!: string;
  @ApiProperty({ type: String, format: 'date-time' }) time!: string;
}

/** A checkpoint signed with the ledger's Ed25519 key: keep copies, they are what a rewrite cannot match. */
export class SignedCheckpointResponse {
  @ApiProperty({ type: CheckpointBody }) checkpoint!: CheckpointBody;
  /** Which key signed (hex of the first 8 bytes of its SPKI's SHA-256). */
  @ApiProperty({ type: String }) keyId!: string;
  /** Ed25519 over the checkpoint's text form (docs/evidence.md), base64. */
  @ApiProperty({ type: String }) signature!: string;
}
