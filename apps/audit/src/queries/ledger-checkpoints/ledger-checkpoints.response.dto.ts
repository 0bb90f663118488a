import type { JsonWebKey } from 'node:crypto';
import { ApiProperty } from '@nestjs/swagger';
import { SignedCheckpointResponse } from '../../application/signed-checkpoint.dto';

export class SignedCheckpointsResponse {
  @ApiProperty({ type: [SignedCheckpointResponse] }) checkpoints!: SignedCheckpointResponse[];
}

/** The ledger's public key as a JWK (OKP, Ed25519): what verifies its checkpoints and bundles. */
export class LedgerPublicKeyResponse {
  @ApiProperty({ type: String }) keyId!: string;
  @ApiProperty({ type: Object }) jwk!: JsonWebKey;
}

/** RFC 9162 §2.1.4: the tree of `first` entries is a prefix of the tree of `second`. */
export class ConsistencyProofResponse {
  @ApiProperty({ type: Number }) first!: number;
  @ApiProperty({ type: Number }) second!: number;
  /** Base64 hashes, in the RFC's order. */
  @ApiProperty({ type: String, isArray: true }) proof!: string[];
}

/** The tree as stored now, unsigned: compare it with the checkpoints you hold. */
export class TreeHeadResponse {
  @ApiProperty({ type: Number }) treeSize!: number;
  @ApiProperty({ type: String }) rootHash!: string;
}

/** RFC 9162 §2.1.3: the leaf at `leafIndex` is in the tree of `treeSize` leaves. */
export class InclusionProofResponse {
  @ApiProperty({ type: Number }) leafIndex!: number;
  @ApiProperty({ type: Number }) treeSize!: number;
  /** Base64 hashes, in the RFC's order, from the leaf up. */
  @ApiProperty({ type: String, isArray: true }) proof!: string[];
}
