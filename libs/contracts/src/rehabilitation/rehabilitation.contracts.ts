import { accessRecordedContract } from '../admin/access-records.contracts';
import { redeliveryRequestedContract } from '../admin/redelivery.contracts';
import { defineContract } from '../contract';
import { agencyId, instant, oneOf, record, uuid } from '../schema/vocabulary';

/** What rehabilitation tells the other services: placements in a panti/balai and how they end. */
export const REHABILITATION_TOPIC = 'lintas.rehabilitation.events';
const source = { topic: REHABILITATION_TOPIC, version: 1 } as const;

export const PLACEMENT_KINDS = ['rehabilitation', 'long-term'] as const;
export const TERMINATION_REASONS = ['ready-to-return', 'transferred', 'long-term', 'absconded', 'died'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

const placement = { placementId: uuid, caseId: uuid, personId: uuid, pantiId: agencyId };
interface Placement {
  placementId: string;
  caseId: string;
  personId: string;
  pantiId: string;
}

export interface PlacementRequestedV1 extends Placement {
  officeId: string;
  kind: (typeof PLACEMENT_KINDS)[number];
}
export const PlacementRequestedV1 = defineContract<PlacementRequestedV1>({
  ...source,
  name: 'id.lintas.rehabilitation.placement.requested',
  schema: record({ ...placement, officeId: agencyId, kind: oneOf(PLACEMENT_KINDS) }),
});

export interface PlacementDeclinedV1 extends Placement {
  reason: 'full' | 'not-suitable' | 'outside-mandate';
}
export const PlacementDeclinedV1 = defineContract<PlacementDeclinedV1>({
  ...source,
  name: 'id.lintas.rehabilitation.placement.declined',
  schema: record({ ...placement, reason: oneOf(['full', 'not-suitable', 'outside-mandate']) }),
});

export interface PlacementWaitlistedV1 extends Placement {
  queuePosition: number;
}
export const PlacementWaitlistedV1 = defineContract<PlacementWaitlistedV1>({
  ...source,
  name: 'id.lintas.rehabilitation.placement.waitlisted',
  schema: record({ ...placement, queuePosition: { type: 'integer', minimum: 1 } }),
});

export interface PlacedInPantiV1 extends Placement {
  admittedAt: string;
}
export const PlacedInPantiV1 = defineContract<PlacedInPantiV1>({
  ...source,
  name: 'id.lintas.rehabilitation.placement.admitted',
  schema: record({ ...placement, admittedAt: instant }),
});

/** A resident relapsed (kambuh): health-liaison refers them to the RSJ named here. */
export interface RelapseReportedV1 extends Placement {
  officeId: string;
  rsjId: string;
  at: string;
}
export const RelapseReportedV1 = defineContract<RelapseReportedV1>({
  ...source,
  name: 'id.lintas.rehabilitation.relapse.reported',
  schema: record({ ...placement, officeId: agencyId, rsjId: agencyId, at: instant }),
});

export interface ResidentAbscondedV1 extends Placement {
  at: string;
}
export const ResidentAbscondedV1 = defineContract<ResidentAbscondedV1>({
  ...source,
  name: 'id.lintas.rehabilitation.resident.absconded',
  schema: record({ ...placement, at: instant }),
});

export interface RehabilitationTerminatedV1 extends Placement {
  officeId: string;
  reason: TerminationReason;
  at: string;
}
export const RehabilitationTerminatedV1 = defineContract<RehabilitationTerminatedV1>({
  ...source,
  name: 'id.lintas.rehabilitation.rehabilitation.terminated',
  schema: record({ ...placement, officeId: agencyId, reason: oneOf(TERMINATION_REASONS), at: instant }),
});

/** An admin had rehabilitation publish some of its events again (POST /admin/redeliveries). */
export const RehabilitationRedeliveryRequestedV1 = redeliveryRequestedContract('rehabilitation', REHABILITATION_TOPIC);

/** Each read of people's data in rehabilitation, and each refusal, for the ledger (on its own topic). */
export const RehabilitationAccessRecordedV1 = accessRecordedContract('rehabilitation');

export const REHABILITATION_CONTRACTS = [
  PlacementRequestedV1,
  PlacementDeclinedV1,
  PlacementWaitlistedV1,
  PlacedInPantiV1,
  RelapseReportedV1,
  ResidentAbscondedV1,
  RehabilitationTerminatedV1,
  RehabilitationRedeliveryRequestedV1,
  RehabilitationAccessRecordedV1,
] as const;
