import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import type { IntakeEvent } from '../../domain/intake-event';
import { WhereaboutsSteps, type Stage } from './whereabouts-steps';

/**
 * This service's own share of "where is this person now": picked up, at the office, gone to
 * family tracing, escaped, died, closed; and who may ask (the owning office, the office of the
 * region where the person was found). The other services' share arrives through reactions.
 */
export class WhereaboutsProjection implements Projection<IntakeEvent> {
  readonly name = 'whereabouts';
  private readonly whereabouts: WhereaboutsSteps;

  constructor(private readonly schema: string) {
    this.whereabouts = new WhereaboutsSteps(schema);
  }

  /** Also the tables of the other services' steps: the reactions start after the read models' tables exist. */
  tables(): string[] {
    return WhereaboutsSteps.ddl(this.schema);
  }

  async apply(events: (RecordedEvent & IntakeEvent)[], client: PoolClient): Promise<void> {
    for (const event of events) {
      const personId = event.metadata.personId;
      if (!personId) continue;
      const step = (stage: Stage, since: string, agencyId: string | null) =>
        this.whereabouts.step(client, { eventId: event.id, personId, stage, since, agencyId, source: 'intake' });
      switch (event.type) {
        case 'PickupReported':
          await this.whereabouts.access(client, personId, { regionCode: event.data.location.regionCode });
          await step('picked-up', event.data.foundAt, event.data.unitId);
          break;
        case 'PersonHandedOverToDinasSosial':
          await this.whereabouts.access(client, personId, { officeId: event.data.officeId });
          await step('at-dinas-sosial', event.data.receivedAt, event.data.officeId);
          break;
        case 'IntakeRegistered':
          await this.whereabouts.access(client, personId, {
            officeId: event.data.officeId,
            regionCode: event.data.foundRegionCode,
          });
          await step('at-dinas-sosial', event.data.registeredAt, event.data.officeId);
          break;
        case 'CaseTransferAccepted':
          await this.whereabouts.access(client, personId, { officeId: event.data.toOfficeId });
          break;
        case 'AssessmentCompleted':
          // An RSJ or a panti decision shows once that service has the person; home and community start tracing.
          if (event.data.decision === 'home' || event.data.decision === 'community') {
            await step('family-tracing', event.data.assessedAt, event.data.officeId);
          }
          break;
        case 'AbscondingRecorded':
          await step('absconded', event.data.abscondedAt, null);
          break;
        case 'DeathRecorded':
          await step('died', event.data.diedAt, null);
          break;
        case 'CaseClosed':
          await step('closed', event.data.closedAt, event.data.closedBy);
          break;
        default:
          break;
      }
    }
  }

  async reset(client: PoolClient): Promise<void> {
    await this.whereabouts.forgetOwn(client);
  }

  /** The other services' steps (their reactions' rows) come along into a rebuilt copy, as reset keeps them. */
  async carryForeignRows(client: PoolClient, liveSchema: string): Promise<void> {
    await this.whereabouts.carryForeign(client, liveSchema);
  }
}
