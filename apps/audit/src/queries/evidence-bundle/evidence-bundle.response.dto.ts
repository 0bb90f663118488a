import type { JsonWebKey } from 'node:crypto';
import { ApiProperty } from '@nestjs/swagger';
import { SignedCheckpointResponse } from '../../application/signed-checkpoint.dto';

/** What the ledger vouches for at export: these are the persons' entries, in this order, in that tree. */
export class BundleStatementDto {
  /** The person and every record linked with them. */
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) personIds!: string[];
  @ApiProperty({ type: Number }) treeSize!: number;
  @ApiProperty({ type: Number, isArray: true }) indices!: number[];
  @ApiProperty({ type: String, format: 'date-time' }) exportedAt!: string;
}

export class BundleEntryDto {
  /** The entry's leaf in the ledger's tree. */
  @ApiProperty({ type: Number }) index!: number;
  /** The ledger entry exactly as hashed into its leaf (canonical JSON, RFC 8785): see docs/evidence.md. */
  @ApiProperty({ type: Object }) entry!: unknown;
  /** RFC 9162 inclusion proof against the checkpoint's root, base64. */
  @ApiProperty({ type: String, isArray: true }) proof!: string[];
}

/** Evidence about one person, verifiable offline: `lintas trail verify-bundle <file>` (docs/evidence.md). */
export class EvidenceBundleResponse {
  @ApiProperty({ type: String, enum: ['lintas-evidence/1'] }) format!: 'lintas-evidence/1';
  @ApiProperty({ type: BundleStatementDto }) statement!: BundleStatementDto;
  /** Ed25519 over the statement's canonical JSON, base64. */
  @ApiProperty({ type: String }) statementSignature!: string;
  @ApiProperty({ type: SignedCheckpointResponse }) checkpoint!: SignedCheckpointResponse;
  /** The ledger's public key (JWK): compare it with the one you hold from elsewhere. */
  @ApiProperty({ type: Object }) publicKey!: JsonWebKey;
  @ApiProperty({ type: [BundleEntryDto] }) entries!: BundleEntryDto[];
}
