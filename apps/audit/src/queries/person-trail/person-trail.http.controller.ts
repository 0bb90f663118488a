import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { parseAsOf } from '@lintas/event-store/as-of';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { ADMIN_SCOPE, type AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { EdgeError, ScopeMissingError } from '@lintas/platform/http/problems/http-errors';
import { MinPosition } from '@lintas/platform/http/request-context';
import { ledgerPersonGroup } from '../../application/ledger-persons';
import { causalOrder } from '../../domain/trail/causal-order';
import { PersonTrailResponse, type TrailStep } from './person-trail.response.dto';

/**
 * GET /persons/:personId/trail — the person's whole path across agencies, from the ledger, causes
 * before effects; `asOf` shows it as it stood at a time. It spans every agency: for admins, and for
 * the offices that dealt with the person (a supervisor follows their own office's persons).
 */
@Controller('persons')
export class PersonTrailController {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  @Get(':personId/trail')
  @ApiOkResponse({ type: PersonTrailResponse, description: "The person's steps across every agency, in causal order." })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'The trail as the ledger held it then: a time, or a position of the ledger.',
    schema: { type: 'string', example: '2026-12-01T08:00:00+07:00' },
  })
  @Allow('admin', 'dinas-sosial', 'dinas-sosial-provinsi')
  async trail(
    @Actor() actor: AgencyActor,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Query('asOf') asOf?: string,
    @MinPosition() minPosition?: string,
  ): Promise<PersonTrailResponse> {
    const point = asOf === undefined ? undefined : parseAsOf(asOf);
    if (asOf !== undefined && !point) {
      throw new EdgeError(
        400,
        'as-of.invalid',
        'asOf must be a date-time (2026-12-01T08:00:00+07:00) or a ledger position (123.0)',
      );
    }
    const time = point && 'time' in point ? point.time.toISOString() : null;
    const position = point && 'position' in point ? point.position : undefined;
    await this.readModels.waitFor(minPosition);
    const schema = this.store.schema;
    const persons = await ledgerPersonGroup(this.pool, schema, personId);
    if (actor.kind === 'admin') {
      if (!actor.scopes?.includes(ADMIN_SCOPE)) throw new ScopeMissingError([ADMIN_SCOPE]);
    } else if (!(await this.isParty(actor, persons))) {
      // To an office that never dealt with the person, the person does not exist here either.
      throw new DomainError('person.not-found', 'no such person', 'not-found');
    }
    const { rows } = await this.pool.query<{
      event_id: string;
      person_id: string;
      type: string;
      source: string;
      stage: string;
      occurred_at: Date;
      recorded_at: Date;
      actor_agency_id: string | null;
      actor_client_id: string | null;
      correlation_id: string | null;
      causation_id: string | null;
      leaf_index: string | null;
      data: unknown;
    }>(
      `SELECT e.event_id, e.person_id::text, e.type, e.source, e.stage, e.occurred_at, e.recorded_at,
              e.actor_agency_id, e.actor_client_id, e.correlation_id, e.causation_id, l.index::text AS leaf_index, e.data
         FROM ${schema}.ledger_entries e
         LEFT JOIN ${schema}.ledger_leaves l ON l.ledger_event_id = e.ledger_event_id
        WHERE e.person_id = ANY($1::uuid[]) AND ($2::timestamptz IS NULL OR e.recorded_at <= $2::timestamptz)
          AND ($3::text IS NULL OR (e.transaction_id, e.sequence) <= ($3::text::xid8, $4::bigint))
        ORDER BY e.transaction_id, e.sequence`,
      [persons, time, position?.transactionId.toString() ?? null, position?.sequence.toString() ?? '0'],
    );
    const steps = rows.map((r, ledgerOrder): TrailStep & { ledgerOrder: number } => ({
      eventId: r.event_id,
      personId: r.person_id,
      type: r.type,
      source: r.source,
      stage: r.stage,
      occurredAt: r.occurred_at.toISOString(),
      recordedAt: r.recorded_at.toISOString(),
      actor: { agencyId: r.actor_agency_id, clientId: r.actor_client_id },
      correlationId: r.correlation_id,
      causationId: r.causation_id,
      leafIndex: r.leaf_index === null ? null : Number(r.leaf_index),
      data: r.data,
      ledgerOrder,
    }));
    const ordered = causalOrder(steps).map(({ ledgerOrder: _, ...step }) => step);
    // Where the person stood is the journey's last step: a read of their data moves them nowhere.
    const last = ordered.findLast((step) => step.stage !== 'access');
    return {
      personId,
      persons,
      asOf: asOf ?? null,
      standing: last
        ? { stage: last.stage, lastStep: last.type, agencyId: last.actor.agencyId, since: last.occurredAt }
        : null,
      steps: ordered,
    };
  }

  /**
   * An office that acted on the person or was named as their office (the case's owner, a case
   * transferred to it, a tracing request's owner), or a provincial office supervising one of those:
   * as the ledger holds it, whoever published it.
   */
  private async isParty(actor: AgencyActor, persons: readonly string[]): Promise<boolean> {
    const offices = [actor.agencyId, ...(actor.supervises ?? [])];
    const { rows } = await this.pool.query<{ party: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM ${this.store.schema}.ledger_entries
          WHERE person_id = ANY($1::uuid[]) AND stage <> 'access'
            AND (actor_agency_id = ANY($2::text[]) OR data->>'officeId' = ANY($2::text[])
                 OR data->>'toOfficeId' = ANY($2::text[]) OR data->>'caseOfficeId' = ANY($2::text[])
                 OR data->>'requestOfficeId' = ANY($2::text[]))
       ) AS party`,
      [persons, offices],
    );
    return rows[0]?.party === true;
  }
}
