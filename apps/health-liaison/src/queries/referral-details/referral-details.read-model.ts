import { Inject, Injectable } from '@nestjs/common';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { ReferralEvent } from '../../domain/referral/referral.events';
import type { ReferralStatus } from '../../domain/referral/referral.state';
import { referralStream } from '../../domain/referral/referral.stream';
import type {
  DeclineReason,
  PaymentGuarantee,
  ReferralLetter,
  Urgency,
} from '../../domain/referral/referral.vocabulary';

/** Whose eyes: the RSJ sees the clinical record it wrote; the office sees what the case needs. */
type Reader = 'rsj' | 'office';

export interface ReferralDetails {
  referralId: string;
  caseId: string;
  personId: string;
  officeId: string;
  rsjId: string;
  status: ReferralStatus;
  urgency: Urgency;
  guarantee: PaymentGuarantee;
  letter: ReferralLetter | null;
  requestedAt: string;
  returnToPlacementId: string | null;
  redirectedFromReferralId: string | null;
  redirectedTo: { referralId: string; rsjId: string } | null;
  decision: {
    outcome: 'accepted' | 'declined';
    at: string;
    expectedAdmissionOn?: string;
    reason?: DeclineReason;
    note?: string;
  } | null;
  admission: { admittedAt: string; ward: string; hospitalRecordNumber: string } | null;
  discharge: Omit<
    Extract<ReferralEvent, { type: 'PatientDischarged' }>['data'],
    'referralId' | 'caseId' | 'personId' | 'rsjId' | 'officeId'
  > | null;
  ending: { kind: 'withdrawn' | 'absconded' | 'died'; at: string; detail?: string } | null;
  /** RSJ only: clinical notes are not the office's to read. */
  treatmentNotes?: { at: string; note: string }[];
}

/** A referral read from its stream, so always current; its version is the ETag to send back as If-Match. */
@Injectable()
export class ReferralDetailsReadModel {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  /**
   * Only the addressed RSJ and the owning office see a referral; to anyone else it does not exist,
   * unless `admit` lets them in under an emergency access to its person (an RSJ then reads what
   * the addressed RSJ does, anyone else what the office does).
   */
  async seenBy(
    referralId: string,
    actor: AgencyActor,
    admit: (personIds: string[], visible: boolean) => Promise<boolean>,
  ): Promise<(ReferralDetails & { version: number }) | undefined> {
    const { history, version } = await this.streams.load(referralStream, referralId);
    const details = referralDetails(history);
    if (!details) return undefined;
    const reader = readerOf(details, actor);
    if (!(await admit([details.personId], reader !== undefined))) return undefined;
    return { ...forReader(details, reader ?? (actor.kind === 'rsj' ? 'rsj' : 'office')), version };
  }
}

function readerOf(referral: ReferralDetails, actor: AgencyActor): Reader | undefined {
  if (actor.kind === 'rsj' && actor.agencyId === referral.rsjId) return 'rsj';
  if (actor.kind === 'dinas-sosial' && actor.agencyId === referral.officeId) return 'office';
  return undefined;
}

/** The referral folded from its events, clinical notes included; undefined before it was requested. */
function referralDetails(events: readonly ReferralEvent[]): ReferralDetails | undefined {
  let view: ReferralDetails | undefined;
  const notes: { at: string; note: string }[] = [];
  for (const event of events) {
    if (event.type === 'RsjReferralRequested') {
      const d = event.data;
      view = {
        referralId: d.referralId,
        caseId: d.caseId,
        personId: d.personId,
        officeId: d.officeId,
        rsjId: d.rsjId,
        status: 'requested',
        urgency: d.urgency,
        guarantee: d.guarantee,
        letter: null,
        requestedAt: d.at,
        returnToPlacementId: d.returnToPlacementId ?? null,
        redirectedFromReferralId: d.redirectedFromReferralId ?? null,
        redirectedTo: null,
        decision: null,
        admission: null,
        discharge: null,
        ending: null,
      };
      continue;
    }
    if (!view) continue;
    view = apply(view, event, notes);
  }
  return view && { ...view, treatmentNotes: notes };
}

/** What one reader may see of it. */
function forReader(view: ReferralDetails, reader: Reader): ReferralDetails {
  if (reader === 'rsj') return view;
  const { treatmentNotes: _clinical, ...forOffice } = view;
  return forOffice;
}

function apply(view: ReferralDetails, event: ReferralEvent, notes: { at: string; note: string }[]): ReferralDetails {
  switch (event.type) {
    case 'ReferralLetterSent':
      return { ...view, letter: event.data.letter };
    case 'PaymentGuaranteeRecorded':
      return { ...view, guarantee: event.data.guarantee };
    case 'RsjReferralAccepted': {
      const { at, expectedAdmissionOn } = event.data;
      return {
        ...view,
        status: 'accepted',
        decision: { outcome: 'accepted', at, ...(expectedAdmissionOn && { expectedAdmissionOn }) },
      };
    }
    case 'RsjReferralDeclined': {
      const { at, reason, note } = event.data;
      return { ...view, status: 'declined', decision: { outcome: 'declined', at, reason, ...(note && { note }) } };
    }
    case 'RsjReferralRedirected':
      return {
        ...view,
        status: 'redirected',
        redirectedTo: { referralId: event.data.newReferralId, rsjId: event.data.toRsjId },
      };
    case 'RsjReferralWithdrawn':
      return {
        ...view,
        status: 'withdrawn',
        ending: { kind: 'withdrawn', at: event.data.at, detail: event.data.reason },
      };
    case 'ReferralMovedToOffice':
      return { ...view, officeId: event.data.toOfficeId };
    case 'PatientAdmitted': {
      const { admittedAt, ward, hospitalRecordNumber } = event.data;
      return { ...view, status: 'admitted', admission: { admittedAt, ward, hospitalRecordNumber } };
    }
    case 'TreatmentNoteRecorded':
      notes.push({ at: event.data.at, note: event.data.note });
      return view;
    case 'PatientDischarged': {
      const { referralId: _r, caseId: _c, personId: _p, rsjId: _s, officeId: _o, ...discharge } = event.data;
      return { ...view, status: 'discharged', discharge };
    }
    case 'PatientAbsconded':
      return {
        ...view,
        status: 'absconded',
        ending: { kind: 'absconded', at: event.data.at, ...(event.data.lastSeen && { detail: event.data.lastSeen }) },
      };
    case 'PersonDied':
      return {
        ...view,
        status: 'dead',
        ending: { kind: 'died', at: event.data.at, ...(event.data.place && { detail: event.data.place }) },
      };
    case 'RsjReferralRequested':
      return view;
  }
}
