import {
  PatientAbscondedV1,
  PatientAdmittedV1,
  PatientDischargedV1,
  PersonDiedV1,
  RsjReferralAcceptedV1,
  RsjReferralDeclinedV1,
  RsjReferralRequestedV1,
  RsjReferralWithdrawnV1,
} from '@lintas/contracts/health-liaison/health-liaison.contracts';
import type { Publications } from '@lintas/messaging/outbox/integration-mapper';
import type { ReferralEvent, ReferralRef } from './domain/referral/referral.events';

type DataOf<T extends ReferralEvent['type']> = Extract<ReferralEvent, { type: T }>['data'];

// The mapper hands over stored events untyped; these are this service's own, so their type names their data.
const dataOf = <T extends ReferralEvent['type']>(event: { data: unknown }): DataOf<T> => event.data as DataOf<T>;

const ref = ({ referralId, caseId, personId, rsjId }: ReferralRef): ReferralRef => ({
  referralId,
  caseId,
  personId,
  rsjId,
});

/**
 * What other services hear of a referral: ids, codes and times, never a letter, a note, a
 * medication plan or a record number. A letter, a guarantee update, a redirect (the new referral
 * is announced as requested), a note and an office move stay inside; a withdrawal is told
 * without its reason.
 */
export const HEALTH_LIAISON_PUBLICATIONS: Publications = {
  RsjReferralRequested: (event) => {
    const data = dataOf<'RsjReferralRequested'>(event);
    const published: RsjReferralRequestedV1 = {
      ...ref(data),
      officeId: data.officeId,
      guaranteeKind: data.guarantee.kind,
      ...(data.returnToPlacementId && { returnToPlacementId: data.returnToPlacementId }),
    };
    return { contract: RsjReferralRequestedV1, data: published };
  },
  RsjReferralAccepted: (event) => {
    const published: RsjReferralAcceptedV1 = ref(dataOf<'RsjReferralAccepted'>(event));
    return { contract: RsjReferralAcceptedV1, data: published };
  },
  RsjReferralDeclined: (event) => {
    const data = dataOf<'RsjReferralDeclined'>(event);
    const published: RsjReferralDeclinedV1 = { ...ref(data), reason: data.reason };
    return { contract: RsjReferralDeclinedV1, data: published };
  },
  RsjReferralWithdrawn: (event) => {
    // The reason is the office's own words, possibly about the person: ids only.
    const published: RsjReferralWithdrawnV1 = ref(dataOf<'RsjReferralWithdrawn'>(event));
    return { contract: RsjReferralWithdrawnV1, data: published };
  },
  PatientAdmitted: (event) => {
    const data = dataOf<'PatientAdmitted'>(event);
    const published: PatientAdmittedV1 = { ...ref(data), admittedAt: data.admittedAt };
    return { contract: PatientAdmittedV1, data: published };
  },
  PatientDischarged: (event) => {
    const data = dataOf<'PatientDischarged'>(event);
    const published: PatientDischargedV1 = {
      ...ref(data),
      officeId: data.officeId,
      dischargedAt: data.dischargedAt,
      recommendation: data.recommendation,
      ...(data.pantiId && { pantiId: data.pantiId }),
      ...(data.returnToPlacementId && { returnToPlacementId: data.returnToPlacementId }),
      ...(data.nextControlDate && { nextControlDate: data.nextControlDate }),
    };
    return { contract: PatientDischargedV1, data: published };
  },
  PatientAbsconded: (event) => {
    const data = dataOf<'PatientAbsconded'>(event);
    const published: PatientAbscondedV1 = { ...ref(data), at: data.at };
    return { contract: PatientAbscondedV1, data: published };
  },
  PersonDied: (event) => {
    const data = dataOf<'PersonDied'>(event);
    const published: PersonDiedV1 = {
      personId: data.personId,
      caseId: data.caseId,
      at: data.at,
      reportedBy: data.reportedBy,
    };
    return { contract: PersonDiedV1, data: published };
  },
};
