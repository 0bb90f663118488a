import { Inject, type Type } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Contract } from '@lintas/contracts/contract';
import {
  FamilyDeclinedReturnV1,
  FamilyNotFoundV1,
  FamilyTracedV1,
  LongTermPlacementArrangedV1,
  ReunificationCompletedV1,
  TransferredToRegionOfOriginV1,
} from '@lintas/contracts/family-reunification/family-reunification.contracts';
import {
  PatientAdmittedV1,
  PatientDischargedV1,
  RsjReferralRequestedV1,
} from '@lintas/contracts/health-liaison/health-liaison.contracts';
import {
  PlacedInPantiV1,
  PlacementRequestedV1,
  PlacementWaitlistedV1,
  RehabilitationTerminatedV1,
  RelapseReportedV1,
} from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { WhereaboutsSteps, type Stage } from './whereabouts-steps';

interface Step {
  stage: Stage;
  agencyId: string | null;
  /** When it happened, where the data says; else the event's time. */
  since?: string;
}

/**
 * The other services' hand-overs as steps of "where is this person now": the whereabouts read
 * model's share that no event of this service's own store can replay. Nothing here changes a
 * case: the case only hears of what ends or interrupts it (closure, death, escape), in its own
 * reactions. One reaction per contract, as the inbox dispatches by contract.
 */
function journeyStep<Data extends { personId: string }>(
  contract: Contract<Data>,
  stepOf: (data: Data) => Step | undefined,
): Type<Reaction<Data>> {
  @ReactsTo(contract)
  class JourneyStep implements Reaction<Data> {
    private readonly whereabouts: WhereaboutsSteps;

    constructor(@Inject(EventStore) store: EventStore) {
      this.whereabouts = new WhereaboutsSteps(store.schema);
    }

    async handle(event: Received<Data>, transaction: PoolClient): Promise<void> {
      const step = stepOf(event.data);
      if (!step) return;
      await this.whereabouts.step(transaction, {
        eventId: event.id,
        personId: event.data.personId,
        stage: step.stage,
        since: step.since ?? event.time,
        agencyId: step.agencyId,
        source: contract.name,
      });
    }
  }
  Object.defineProperty(JourneyStep, 'name', { value: `JourneyStep(${contract.name})` });
  return JourneyStep;
}

export const WHEREABOUTS_REACTIONS = [
  journeyStep(RsjReferralRequestedV1, (d) => ({ stage: 'referred-to-rsj', agencyId: d.rsjId })),
  journeyStep(PatientAdmittedV1, (d) => ({ stage: 'in-rsj', agencyId: d.rsjId, since: d.admittedAt })),
  journeyStep(PatientDischargedV1, (d) => {
    if (d.returnToPlacementId) return { stage: 'in-panti', agencyId: d.pantiId ?? null, since: d.dischargedAt };
    if (d.recommendation === 'panti') {
      return { stage: 'waiting-for-panti', agencyId: d.pantiId ?? null, since: d.dischargedAt };
    }
    return { stage: 'family-tracing', agencyId: d.officeId, since: d.dischargedAt };
  }),
  journeyStep(PlacementRequestedV1, (d) => ({ stage: 'waiting-for-panti', agencyId: d.pantiId })),
  journeyStep(PlacementWaitlistedV1, (d) => ({ stage: 'waiting-for-panti', agencyId: d.pantiId })),
  journeyStep(PlacedInPantiV1, (d) => ({ stage: 'in-panti', agencyId: d.pantiId, since: d.admittedAt })),
  journeyStep(RelapseReportedV1, (d) => ({ stage: 'referred-to-rsj', agencyId: d.rsjId, since: d.at })),
  journeyStep(RehabilitationTerminatedV1, (d) => {
    if (d.reason === 'ready-to-return') return { stage: 'family-tracing', agencyId: d.officeId, since: d.at };
    if (d.reason === 'long-term') return { stage: 'long-term-placement', agencyId: d.pantiId, since: d.at };
    // An escape or a death arrives as its own event; a transfer moves nobody.
    return undefined;
  }),
  journeyStep(FamilyTracedV1, (d) => ({ stage: 'family-tracing', agencyId: d.officeId })),
  journeyStep(FamilyNotFoundV1, (d) => ({ stage: 'family-tracing', agencyId: d.officeId })),
  journeyStep(FamilyDeclinedReturnV1, (d) => ({ stage: 'family-tracing', agencyId: d.officeId })),
  journeyStep(TransferredToRegionOfOriginV1, (d) => ({ stage: 'family-tracing', agencyId: d.toOfficeId, since: d.at })),
  journeyStep(ReunificationCompletedV1, (d) => ({ stage: 'reunified', agencyId: d.officeId, since: d.at })),
  journeyStep(LongTermPlacementArrangedV1, (d) => ({ stage: 'long-term-placement', agencyId: d.pantiId })),
];
