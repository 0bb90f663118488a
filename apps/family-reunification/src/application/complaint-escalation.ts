import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { byRequest } from '@lintas/commands/write-cause';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { EventStore } from '@lintas/event-store/event-store';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Every } from '@lintas/platform/service/every';
import { SERVICE_LOGGER, SERVICE_NAME } from '@lintas/platform/service/service-tokens';
import { EscalateOverdueComplaintCommand } from '../commands/escalate-overdue-complaint/escalate-overdue-complaint.command';
import { onClockOf } from '../domain/complaint/complaint-deadline';
import { ParentOffices } from './parent-offices';

/**
 * What the stream says when another round (this instance's or another's) got there first, or the
 * addressee answered, or the filer closed, since the read model was read: nothing left to do.
 */
const ALREADY_SETTLED: ReadonlySet<string> = new Set([
  'complaint.not-overdue',
  'complaint.answered',
  'complaint.closed',
]);

export interface EscalationRound {
  /** The complaints escalated in this round. */
  escalated: string[];
  /** Addressees of overdue complaints whose parent office is not known here (ParentOffices). */
  withoutParentOffice: string[];
}

/**
 * Every COMPLAINT_ESCALATION_INTERVAL_MS, each open complaint past its deadline goes to the parent
 * office of the agency it is routed to. Safe with several instances: the round reads the read
 * model, but each escalation is decided on the complaint's stream, locked, so the second of two
 * rounds finds the new deadline and escalates nothing (`complaint.not-overdue`).
 */
@Injectable()
export class ComplaintEscalation implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly every: Every;
  private readonly schema: string;
  private readonly system: AgencyActor;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ParentOffices) private readonly parents: ParentOffices,
    @Inject(ServiceEnv) env: ServiceEnv,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_NAME) service: string,
  ) {
    this.schema = store.schema;
    // The events' actor: the service itself, as for its reactions; no agency pressed the button.
    this.system = { agencyId: `lintas-${service}`, kind: 'admin', regionCode: '00', clientId: 'complaint-escalation' };
    this.every = new Every(
      env.COMPLAINT_ESCALATION_INTERVAL_MS,
      () => this.escalateOverdue(),
      (err) => this.logger.warn({ err }, 'escalating overdue complaints failed; the next round tries again'),
    );
  }

  onApplicationBootstrap(): void {
    this.every.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.every.stop();
  }

  /** One round at `now` (a test moves it); a complaint that fails is logged and tried again next round. */
  async escalateOverdue(now = new Date()): Promise<EscalationRound> {
    // Each complaint's deadline is a day on the clock of the agency that filed it.
    const { rows } = await this.pool.query<{
      complaint_id: string;
      filed_by: string;
      routed_to: string;
      filed_offset_minutes: number;
    }>(
      `SELECT complaint_id, filed_by, routed_to, filed_offset_minutes FROM ${this.schema}.complaints
        WHERE status = 'open'
          AND answer_by < (($1::timestamptz AT TIME ZONE 'UTC') + filed_offset_minutes * interval '1 minute')::date
        ORDER BY answer_by, complaint_id`,
      [now.toISOString()],
    );
    const round: EscalationRound = { escalated: [], withoutParentOffice: [] };
    for (const { complaint_id: complaintId, filed_by: filedBy, routed_to: routedTo, filed_offset_minutes } of rows) {
      const at = onClockOf(now, filed_offset_minutes);
      const parent = await this.parents.parentOf(routedTo);
      if (!parent) {
        if (!round.withoutParentOffice.includes(routedTo)) round.withoutParentOffice.push(routedTo);
        continue;
      }
      try {
        await this.commands.execute(
          new EscalateOverdueComplaintCommand(
            {
              type: 'EscalateOverdueComplaint',
              complaintId,
              toAgencyId: parent,
              // Pressed on the filer's behalf, as the domain has it; its rule reads the filer's id
              // alone, and this service keeps no kind or region of the filer: the service's stand in.
              actor: { agencyId: filedBy, kind: this.system.kind, regionCode: this.system.regionCode },
              at,
            },
            byRequest(this.system),
          ),
        );
        round.escalated.push(complaintId);
      } catch (err) {
        if (err instanceof DomainError && ALREADY_SETTLED.has(err.code)) continue;
        this.logger.error({ err, complaintId }, 'an overdue complaint could not be escalated');
      }
    }
    if (round.escalated.length > 0) this.logger.info({ complaints: round.escalated }, 'overdue complaints escalated');
    if (round.withoutParentOffice.length > 0) {
      this.logger.warn(
        { addressees: round.withoutParentOffice },
        'overdue complaints wait: no parent office of their addressee has called this service yet',
      );
    }
    return round;
  }
}
