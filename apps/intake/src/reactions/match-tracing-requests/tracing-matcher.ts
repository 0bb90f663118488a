import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { byEvent } from '@lintas/commands/write-cause';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { EventStore } from '@lintas/event-store/event-store';
import type { Received } from '@lintas/messaging/reactions/reaction';
import { scoreMatch } from '@lintas/person-matching/match-score';
import type { CaseEvent, PersonIdentified } from '../../domain/case/case.events';
import type { PickupEvent } from '../../domain/pickup/pickup.events';
import { DEFAULT_TRACING_REQUEST_CONFIG } from '../../domain/tracing-request/tracing-request.config';
import { tracingRequestStream } from '../../domain/tracing-request/tracing-request.stream';
import { foundInPickup, identifiedAs, soughtIn } from './descriptions';
import { MatchIndex, type MatchEntry } from '../../application/match-index';

/**
 * Scores every new or changed record of one side (a person found, a relative sought) against the
 * other side, and proposes the likely pairs to the office owning the request. Runs in the inbox
 * transaction of intake's own events, so each is matched once in effect. Each record is indexed and
 * committed before the other side is read, so of two records written at the same moment the one
 * read second sees the first: no pair is missed because each side was matched before the other
 * was indexed.
 */
@Injectable()
export class TracingMatcher {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(MatchIndex) private readonly index: MatchIndex,
  ) {}

  async pickupReported(cause: Received<{ pickupId: string; personId: string }>, tx: PoolClient): Promise<void> {
    const [reported] = await this.store.readStream<PickupEvent>(`pickup-${cause.data.pickupId}`, {
      within: tx,
      maxCount: 1,
    });
    if (reported?.type !== 'PickupReported') return;
    await this.indexAndPropose(tx, found(cause.data.personId, foundInPickup(reported)), cause);
  }

  async personIdentified(cause: Received<{ caseId: string; personId: string }>, tx: PoolClient): Promise<void> {
    const { caseId, personId } = cause.data;
    const events = await this.store.readStream<CaseEvent>(`case-${caseId}`, { within: tx });
    const identified = events.findLast(
      (event): event is PersonIdentified & (typeof events)[number] =>
        event.type === 'PersonIdentified' && event.data.personId === personId,
    );
    if (!identified) return;
    // What was seen at the pickup (where, when, marks) stays; the identity adds to it.
    const before = (await this.index.get(personId, tx))?.description ?? { names: [] };
    await this.indexAndPropose(tx, found(personId, identifiedAs(before, identified)), cause);
  }

  async tracingRequestChanged(cause: Received<{ tracingRequestId: string }>, tx: PoolClient): Promise<void> {
    const { history, state } = await this.streams.load(tracingRequestStream, cause.data.tracingRequestId);
    if (state.status === 'none') return;
    if (state.status !== 'open') {
      await this.index.remove(tx, [state.personId]);
      return;
    }
    const description = soughtIn(history);
    if (!description) return;
    await this.indexAndPropose(
      tx,
      {
        personId: state.personId,
        side: 'sought',
        tracingRequestId: state.tracingRequestId,
        officeId: state.owningOfficeId,
        description,
      },
      cause,
    );
  }

  /** A request closed, a person confirmed as someone's relative: out of matching for good. */
  async withdrawn(personIds: readonly string[], tx: PoolClient): Promise<void> {
    await this.index.remove(tx, personIds);
  }

  private async indexAndPropose(tx: PoolClient, subject: MatchEntry, cause: Received<unknown>): Promise<void> {
    // Committed on its own before the other side is read: of two records written at the same
    // moment, the one that reads second sees the other, so no pair is missed, and no lock is needed
    // (a lock held across the inbox's transactions starved the pool when a backlog arrived). The
    // write is an upsert, so a redelivery or a rollback of what follows leaves it right.
    await this.index.putCommitted(subject);
    const candidates = await this.index.candidates(tx, subject);
    for (const other of candidates) {
      const [sought, person] = subject.side === 'sought' ? [subject, other] : [other, subject];
      // The prior is per candidate: the fewer the candidates, the likelier each (libs/person-matching).
      const { probability, evidence } = scoreMatch(sought.description, person.description, {
        candidates: candidates.length,
      });
      // The decider drops a new pair below the threshold too; checked here so that it is not loaded.
      if (probability < DEFAULT_TRACING_REQUEST_CONFIG.proposalThreshold) continue;
      if (!sought.tracingRequestId || !sought.officeId) continue;
      try {
        await this.streams.handle(
          tracingRequestStream,
          sought.tracingRequestId,
          {
            type: 'ProposeMatch',
            tracingRequestId: sought.tracingRequestId,
            candidatePersonId: person.personId,
            probability,
            reasons: evidence,
            // On behalf of the office owning the request, whose review queue it joins.
            actor: { agencyId: sought.officeId, kind: 'dinas-sosial', regionCode: '' },
            at: cause.time,
          },
          byEvent(cause),
        );
      } catch (error) {
        // Closed since it was indexed (its closing event is on its way): nothing to propose to.
        if (error instanceof DomainError && error.code === 'tracing-request.closed') continue;
        throw error;
      }
    }
  }
}

function found(personId: string, description: MatchEntry['description']): MatchEntry {
  return { personId, side: 'found', tracingRequestId: null, officeId: null, description };
}
