import { Controller, DefaultValuePipe, Get, Inject, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { Public } from '@lintas/platform/http/agency/agency.guard';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import { LedgerCheckpoints } from '../../checkpoints/ledger-checkpoints';
import { LedgerTreeStore } from '../../checkpoints/ledger-tree-store';
import { SignedCheckpointResponse } from '../../application/signed-checkpoint.dto';
import {
  ConsistencyProofResponse,
  InclusionProofResponse,
  LedgerPublicKeyResponse,
  SignedCheckpointsResponse,
  TreeHeadResponse,
} from './ledger-checkpoints.response.dto';

/**
 * The ledger's signed checkpoints, its public key and consistency proofs between any two sizes:
 * public on purpose (no personal data, only sizes and hashes), so that anyone — an inspector, an
 * ombudsman, another agency — can keep copies and check that the ledger only ever grew.
 */
@Controller('ledger')
export class LedgerCheckpointsController {
  private readonly tree: LedgerTreeStore;

  constructor(
    @Inject(Pool) pool: Pool,
    @Inject(EventStore) store: EventStore,
    @Inject(LedgerCheckpoints) private readonly checkpoints: LedgerCheckpoints,
  ) {
    this.tree = new LedgerTreeStore(pool, store.schema);
  }

  @Get('checkpoints/latest')
  @Public()
  @ApiOkResponse({ type: SignedCheckpointResponse, description: 'The newest signed checkpoint.' })
  async latest(): Promise<SignedCheckpointResponse> {
    const latest = await this.checkpoints.latest();
    if (!latest) throw new EdgeError(404, 'checkpoint.not-found', 'the ledger has no checkpoint yet');
    return latest;
  }

  @Get('checkpoints')
  @Public()
  @ApiOkResponse({
    type: SignedCheckpointsResponse,
    description: 'Signed checkpoints after a tree size, oldest first.',
  })
  @ApiQuery({ name: 'after', required: false, schema: { type: 'integer', minimum: 0, default: 0 } })
  async list(
    @Query('after', new DefaultValuePipe(0), new ParseIntPipe()) after: number,
  ): Promise<SignedCheckpointsResponse> {
    return { checkpoints: await this.checkpoints.list(after, 500) };
  }

  @Get('checkpoints/:treeSize')
  @Public()
  @ApiOkResponse({ type: SignedCheckpointResponse, description: 'The checkpoint signed at that tree size.' })
  async at(@Param('treeSize', new ParseIntPipe()) treeSize: number): Promise<SignedCheckpointResponse> {
    const signed = await this.checkpoints.at(treeSize);
    if (!signed) throw new EdgeError(404, 'checkpoint.not-found', `no checkpoint was signed at tree size ${treeSize}`);
    return signed;
  }

  @Get('tree-head')
  @Public()
  @ApiOkResponse({ type: TreeHeadResponse, description: 'The size and root of the tree as stored now, unsigned.' })
  async treeHead(): Promise<TreeHeadResponse> {
    const frontier = await this.tree.frontier();
    return { treeSize: frontier.size, rootHash: frontier.root().toString('base64') };
  }

  @Get('public-key')
  @Public()
  @ApiOkResponse({ type: LedgerPublicKeyResponse, description: "The ledger's Ed25519 public key." })
  publicKey(): LedgerPublicKeyResponse {
    return { keyId: this.checkpoints.keyId, jwk: this.checkpoints.publicJwk };
  }

  @Get('consistency-proof')
  @Public()
  @ApiOkResponse({
    type: ConsistencyProofResponse,
    description: 'Proof that the smaller tree is a prefix of the larger.',
  })
  @ApiQuery({ name: 'first', schema: { type: 'integer', minimum: 1 } })
  @ApiQuery({ name: 'second', schema: { type: 'integer', minimum: 1 } })
  async consistency(
    @Query('first', new ParseIntPipe()) first: number,
    @Query('second', new ParseIntPipe()) second: number,
  ): Promise<ConsistencyProofResponse> {
    const size = (await this.tree.frontier()).size;
    if (first < 1 || first > second || second > size) {
      throw new EdgeError(400, 'tree-sizes.invalid', `need 1 ≤ first ≤ second ≤ ${size} (the tree's size now)`);
    }
    const proof = await this.tree.consistencyProof(first, second);
    return { first, second, proof: proof.map((hash) => hash.toString('base64')) };
  }

  /**
   * RFC 9162's get-proof-by-hash: whoever holds an entry (from an evidence bundle, from a copy)
   * hashes it as a leaf and asks for its path to the root of a tree size they hold a checkpoint of.
   * Only hashes go in and out, so it is public like the checkpoints.
   */
  @Get('inclusion-proof')
  @Public()
  @ApiOkResponse({ type: InclusionProofResponse, description: "The leaf's index and its path to the tree's root." })
  @ApiQuery({ name: 'leafHash', schema: { type: 'string', description: 'The leaf hash, base64 (RFC 9162 §2.1.1)' } })
  @ApiQuery({ name: 'treeSize', schema: { type: 'integer', minimum: 1 } })
  async inclusion(
    @Query('leafHash') leafHash: string | undefined,
    @Query('treeSize', new ParseIntPipe()) treeSize: number,
  ): Promise<InclusionProofResponse> {
    const hash = Buffer.from(leafHash ?? '', 'base64');
    if (hash.length !== 32) throw new EdgeError(400, 'leaf-hash.invalid', 'leafHash must be a SHA-256 hash in base64');
    const size = (await this.tree.frontier()).size;
    if (treeSize < 1 || treeSize > size) {
      throw new EdgeError(400, 'tree-sizes.invalid', `need 1 ≤ treeSize ≤ ${size} (the tree's size now)`);
    }
    const leafIndex = await this.tree.leafIndexOf(hash, treeSize);
    if (leafIndex === undefined) {
      throw new EdgeError(404, 'leaf.not-found', `no leaf with that hash in the first ${treeSize} of the ledger`);
    }
    const [proof] = await this.tree.inclusionProofs([leafIndex], treeSize);
    return { leafIndex, treeSize, proof: (proof ?? []).map((h) => h.toString('base64')) };
  }
}
