import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import { Allow, RequireScopes } from '@lintas/platform/http/agency/agency.guard';
import { ADMIN_SCOPE } from '@lintas/platform/http/agency/agency-token';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import { MinPosition } from '@lintas/platform/http/request-context';
import { ledgerPersonGroup } from '../../application/ledger-persons';
import { LedgerCheckpoints } from '../../checkpoints/ledger-checkpoints';
import { LedgerTreeStore } from '../../checkpoints/ledger-tree-store';
import { ledgerLeafOf } from '../../domain/ledger/ledger-leaf';
import type { LedgerEntryRecorded } from '../../domain/ledger/ledger.events';
import { ledgerStream } from '../../domain/ledger/ledger.stream';
import { EvidenceBundleResponse } from './evidence-bundle.response.dto';

/**
 * GET /persons/:personId/evidence-bundle — the person's ledger entries with their inclusion proofs,
 * a signed checkpoint and the ledger's key: one file that an outsider checks without a server.
 */
@Controller('persons')
export class EvidenceBundleController {
  private readonly tree: LedgerTreeStore;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(LedgerCheckpoints) private readonly checkpoints: LedgerCheckpoints,
  ) {
    this.tree = new LedgerTreeStore(pool, store.schema);
  }

  @Get(':personId/evidence-bundle')
  @ApiOkResponse({ type: EvidenceBundleResponse, description: "The person's evidence bundle, verifiable offline." })
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  async bundle(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @MinPosition() minPosition?: string,
  ): Promise<EvidenceBundleResponse> {
    await this.readModels.waitFor(minPosition);
    // Entries recorded since the last scheduled checkpoint are covered too.
    await this.checkpoints.signIfGrown();
    const checkpoint = await this.checkpoints.latest();
    if (!checkpoint) throw new EdgeError(404, 'checkpoint.not-found', 'the ledger has no entries yet');
    const treeSize = checkpoint.checkpoint.treeSize;
    const persons = await ledgerPersonGroup(this.pool, this.store.schema, personId);
    const events = (
      await Promise.all(persons.map((id) => this.store.readStream<LedgerEntryRecorded>(ledgerStream.streamId(id))))
    ).flat();
    const indexOf = await this.leafIndices(events, treeSize);
    const covered = events
      .filter((event) => indexOf.has(event.id))
      .map((event) => ({ event, index: indexOf.get(event.id) as number }))
      .sort((a, b) => a.index - b.index);
    const proofs = await this.tree.inclusionProofs(
      covered.map((c) => c.index),
      treeSize,
    );
    return this.checkpoints.bundle(
      persons,
      checkpoint,
      covered.map(({ event, index }, i) => ({
        index,
        entry: ledgerLeafOf(event),
        proof: (proofs[i] ?? []).map((hash) => hash.toString('base64')),
      })),
    );
  }

  /** Leaf index of each ledger event the checkpoint's tree covers. */
  private async leafIndices(events: RecordedEvent[], treeSize: number): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ ledger_event_id: string; index: string }>(
      `SELECT ledger_event_id::text, index::text FROM ${this.store.schema}.ledger_leaves
        WHERE ledger_event_id = ANY($1::uuid[]) AND index < $2`,
      [events.map((e) => e.id), treeSize],
    );
    return new Map(rows.map((r) => [r.ledger_event_id, Number(r.index)]));
  }
}
