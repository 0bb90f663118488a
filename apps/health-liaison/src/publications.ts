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
import { publication, publicationsOf, type PublishersOf } from '@lintas/messaging/outbox/integration-mapper';
import type { ReferralEvent, ReferralRef } from './domain/referral/referral.events';

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
const PUBLISHED: PublishersOf<ReferralEvent> = {
  RsjReferralRequested: (data) =>
    publication(RsjReferralRequestedV1, {
      ...ref(data),
      officeId: data.officeId,
      guaranteeKind: data.guarantee.kind,
      ...(data.returnToPlacementId && { returnToPlacementId: data.returnToPlacementId }),
    }),
  RsjReferralAccepted: (data) => publication(RsjReferralAcceptedV1, ref(data)),
  RsjReferralDeclined: (data) => publication(RsjReferralDeclinedV1, { ...ref(data), reason: data.reason }),
  // The reason is the office's own words, possibly about the person: ids only.
  RsjReferralWithdrawn: (data) => publication(RsjReferralWithdrawnV1, ref(data)),
  PatientAdmitted: (data) => publication(PatientAdmittedV1, { ...ref(data), admittedAt: data.admittedAt }),
  PatientDischarged: (data) =>
    publication(PatientDischargedV1, {
      ...ref(data),
      officeId: data.officeId,
      dischargedAt: data.dischargedAt,
      recommendation: data.recommendation,
      ...(data.pantiId && { pantiId: data.pantiId }),
      ...(data.returnToPlacementId && { returnToPlacementId: data.returnToPlacementId }),
      ...(data.nextControlDate && { nextControlDate: data.nextControlDate }),
    }),
  PatientAbsconded: (data) => publication(PatientAbscondedV1, { ...ref(data), at: data.at }),
  PersonDied: (data) =>
    publication(PersonDiedV1, {
      personId: data.personId,
      caseId: data.caseId,
      at: data.at,
      reportedBy: data.reportedBy,
    }),
};

export const HEALTH_LIAISON_PUBLICATIONS = publicationsOf<ReferralEvent>(PUBLISHED);
