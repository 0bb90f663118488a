import type {
  CaseClosedV1,
  FollowUpMissedV1,
  FollowUpVisitCompletedV1,
  ReunificationCompletedV1,
} from '@lintas/contracts/family-reunification/family-reunification.contracts';
import type {
  PatientAdmittedV1,
  PatientDischargedV1,
  RsjReferralDeclinedV1,
  RsjReferralRequestedV1,
} from '@lintas/contracts/health-liaison/health-liaison.contracts';
import type {
  AssessmentCompletedV1,
  CaseTransferAcceptedV1,
  IntakeRegisteredV1,
  PersonHandedOverV1,
  PersonIdentifiedV1,
  PersonsLinkedV1,
  PickupReportedV1,
} from '@lintas/contracts/intake/intake.contracts';
import type {
  PlacedInPantiV1,
  PlacementDeclinedV1,
  PlacementRequestedV1,
  RehabilitationTerminatedV1,
} from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { ComplaintFacts } from './complaints';
import type { JourneyFacts, SpellFact, Stage } from './facts';
import { EVENT, type LedgerStep } from './indicator-events';
import { PersonGroups } from './person-groups';
import { countedRegion, officeRegion } from './regions';
import { daysBetween } from './statistics';
import { TracingRequestFacts } from './tracing-requests';

interface PersonState {
  pickupRegion?: string;
  originRegion?: string;
  /** The office that last received or took over one of the person's cases. */
  lastOffice?: string;
  /** A hand-over not yet followed by a registration: where intake's stage starts. */
  handedOverAt?: number;
}

/**
 * When a step happened in the field: the time its data names for that (found, received,
 * admitted, discharged, `at`), else the time its publisher gave it.
 */
export function timeOf(step: LedgerStep): number {
  const data = (step.data ?? {}) as Record<string, unknown>;
  const field = ((): unknown => {
    switch (step.type) {
      case EVENT.pickupReported:
        return data.foundAt;
      case EVENT.personHandedOver:
        return data.receivedAt;
      case EVENT.patientAdmitted:
      case EVENT.placedInPanti:
        return data.admittedAt;
      case EVENT.patientDischarged:
        return data.dischargedAt;
      case EVENT.rehabilitationTerminated:
      case EVENT.reunificationCompleted:
      case EVENT.followUpCompleted:
      case EVENT.caseClosed:
      case EVENT.complaintFiled:
      case EVENT.complaintAnswered:
      case EVENT.complaintEscalated:
      case EVENT.complaintClosed:
        return data.at;
      default:
        return undefined;
    }
  })();
  const given = typeof field === 'string' ? Date.parse(field) : NaN;
  return Number.isNaN(given) ? Date.parse(step.occurredAt) : given;
}

/**
 * Reads the ledger's steps, in the order they happened, into the facts the indicators count. The
 * region of each fact follows docs/indicators.md, "Which region counts": the region of the office
 * the event names (or that owned the case then), else of the office that last held the person, else
 * the pickup's region, else the region of origin. Tracing requests and complaints are read in the
 * same pass, since a family's wait ends at a return and a complaint may be placed by its person's
 * region (tracing-requests.ts, complaints.ts).
 */
export function journeyFacts(steps: readonly LedgerStep[]): JourneyFacts {
  const groups = new PersonGroups(
    steps
      .filter((step) => step.type === EVENT.personsLinked)
      .map((step) => {
        const link = step.data as PersonsLinkedV1;
        return [link.survivorPersonId, link.linkedPersonId] as const;
      }),
  );
  const timed = steps
    .map((step, index) => ({ step, index, at: timeOf(step) }))
    .filter((entry) => !Number.isNaN(entry.at))
    .sort((a, b) => a.at - b.at || a.index - b.index);

  const facts: JourneyFacts = { events: [], durations: [], spells: [] };
  const persons = new Map<string, PersonState>();
  const caseOwner = new Map<string, string>();
  const openCases = new Map<string, SpellFact>();
  const intakeStart = new Map<string, number>();
  const reunificationStart = new Map<string, number>();
  const referralOffice = new Map<string, string>();
  const admittedToRsj = new Map<string, number>();
  const placementOffice = new Map<string, string>();
  const longTerm = new Set<string>();
  const residents = new Map<string, SpellFact>();
  const tracing = new TracingRequestFacts(facts, (personId) => groups.keyOf(personId));
  const complaints = new ComplaintFacts(facts);

  const regionOf = (person: PersonState, ...offices: (string | undefined)[]): string | undefined => {
    for (const office of [...offices, person.lastOffice]) {
      const region = officeRegion(office);
      if (region) return region;
    }
    return person.pickupRegion ?? person.originRegion;
  };
  // Steps are read in the order they happened, so a stay's end never comes before its start.
  const stay = (stage: Stage, start: number | undefined, end: number, region: string | undefined): void => {
    if (start !== undefined) {
      facts.durations.push({ indicator: 'stage-days', breakdown: stage, days: daysBetween(start, end), end, region });
    }
  };
  const startOnce = (starts: Map<string, number>, caseId: string, at: number): void => {
    if (!starts.has(caseId)) starts.set(caseId, at);
  };
  const openCase = (caseId: string, officeId: string, at: number, person: PersonState): void => {
    const spell: SpellFact = {
      indicator: 'caseload',
      breakdown: officeId,
      key: caseId,
      start: at,
      end: null,
      region: regionOf(person, officeId),
    };
    openCases.set(caseId, spell);
    facts.spells.push(spell);
  };
  const closeCase = (caseId: string, at: number): void => {
    const spell = openCases.get(caseId);
    if (spell) spell.end = at;
    openCases.delete(caseId);
  };

  for (const { step, at } of timed) {
    const data = (step.data ?? {}) as Record<string, unknown>;
    const personId = step.personId ?? (typeof data.personId === 'string' ? data.personId : undefined);
    if (!personId) continue;
    const personKey = groups.keyOf(personId);
    let person = persons.get(personKey);
    if (!person) persons.set(personKey, (person = {}));

    switch (step.type) {
      case EVENT.pickupReported: {
        person.pickupRegion = countedRegion((data as unknown as PickupReportedV1).regionCode) ?? person.pickupRegion;
        break;
      }
      case EVENT.personHandedOver: {
        const handedOver = data as unknown as PersonHandedOverV1;
        person.handedOverAt = at;
        person.lastOffice = handedOver.officeId;
        break;
      }
      case EVENT.intakeRegistered: {
        const registered = data as unknown as IntakeRegisteredV1;
        caseOwner.set(registered.caseId, registered.officeId);
        person.lastOffice = registered.officeId;
        startOnce(intakeStart, registered.caseId, Math.min(person.handedOverAt ?? at, at));
        person.handedOverAt = undefined;
        if (!openCases.has(registered.caseId)) openCase(registered.caseId, registered.officeId, at, person);
        break;
      }
      case EVENT.personIdentified: {
        const identified = data as unknown as PersonIdentifiedV1;
        person.originRegion = countedRegion(identified.originRegionCode) ?? person.originRegion;
        break;
      }
      case EVENT.assessmentCompleted: {
        const assessed = data as unknown as AssessmentCompletedV1;
        const region = regionOf(person, assessed.officeId, caseOwner.get(assessed.caseId));
        stay('intake', intakeStart.get(assessed.caseId), at, region);
        intakeStart.delete(assessed.caseId);
        if (assessed.decision === 'home' || assessed.decision === 'community') {
          startOnce(reunificationStart, assessed.caseId, at);
        }
        break;
      }
      case EVENT.caseTransferAccepted: {
        const transfer = data as unknown as CaseTransferAcceptedV1;
        caseOwner.set(transfer.caseId, transfer.toOfficeId);
        person.lastOffice = transfer.toOfficeId;
        if (openCases.has(transfer.caseId)) {
          closeCase(transfer.caseId, at);
          openCase(transfer.caseId, transfer.toOfficeId, at, person);
        }
        break;
      }
      case EVENT.rsjReferralRequested: {
        const requested = data as unknown as RsjReferralRequestedV1;
        referralOffice.set(requested.referralId, requested.officeId);
        break;
      }
      case EVENT.rsjReferralDeclined: {
        const declined = data as unknown as RsjReferralDeclinedV1;
        facts.events.push({
          indicator: 'rsj-referral-declines',
          breakdown: declined.reason,
          key: declined.referralId,
          at,
          region: regionOf(person, referralOffice.get(declined.referralId), caseOwner.get(declined.caseId)),
        });
        break;
      }
      case EVENT.patientAdmitted: {
        const admitted = data as unknown as PatientAdmittedV1;
        if (!admittedToRsj.has(admitted.referralId)) admittedToRsj.set(admitted.referralId, at);
        break;
      }
      case EVENT.patientDischarged: {
        const discharged = data as unknown as PatientDischargedV1;
        const region = regionOf(person, discharged.officeId, caseOwner.get(discharged.caseId));
        stay('treatment', admittedToRsj.get(discharged.referralId), at, region);
        admittedToRsj.delete(discharged.referralId);
        if (discharged.recommendation === 'family') startOnce(reunificationStart, discharged.caseId, at);
        break;
      }
      case EVENT.placementRequested: {
        const requested = data as unknown as PlacementRequestedV1;
        placementOffice.set(requested.placementId, requested.officeId);
        if (requested.kind === 'long-term') longTerm.add(requested.placementId);
        break;
      }
      case EVENT.placementDeclined: {
        const declined = data as unknown as PlacementDeclinedV1;
        facts.events.push({
          indicator: 'placement-declines',
          breakdown: declined.reason,
          key: declined.placementId,
          at,
          region: regionOf(person, placementOffice.get(declined.placementId), caseOwner.get(declined.caseId)),
        });
        break;
      }
      case EVENT.placedInPanti: {
        const placed = data as unknown as PlacedInPantiV1;
        // Back from the RSJ after a relapse, the resident resumes the same placement: still one stay.
        if (residents.has(placed.placementId)) break;
        const region = regionOf(person, caseOwner.get(placed.caseId), placementOffice.get(placed.placementId));
        const spell: SpellFact = {
          indicator: 'panti-residents',
          breakdown: placed.pantiId,
          key: placed.placementId,
          start: at,
          end: null,
          region,
        };
        residents.set(placed.placementId, spell);
        facts.spells.push(spell);
        facts.events.push({
          indicator: 'panti-admissions',
          breakdown: placed.pantiId,
          key: placed.placementId,
          at,
          region,
        });
        break;
      }
      case EVENT.rehabilitationTerminated: {
        const terminated = data as unknown as RehabilitationTerminatedV1;
        const spell = residents.get(terminated.placementId);
        if (spell) {
          spell.end = at;
          residents.delete(terminated.placementId);
          const region = regionOf(person, terminated.officeId, caseOwner.get(terminated.caseId));
          if (!longTerm.has(terminated.placementId)) stay('rehabilitation', spell.start, at, region);
          facts.events.push({
            indicator: 'panti-terminations',
            breakdown: terminated.pantiId,
            key: terminated.placementId,
            at,
            region: spell.region,
          });
        }
        if (terminated.reason === 'ready-to-return') startOnce(reunificationStart, terminated.caseId, at);
        break;
      }
      case EVENT.reunificationCompleted: {
        const completed = data as unknown as ReunificationCompletedV1;
        const region = regionOf(person, completed.officeId, caseOwner.get(completed.caseId));
        facts.events.push({ indicator: 'persons-returned', breakdown: null, key: personKey, at, region });
        stay('reunification', reunificationStart.get(completed.caseId), at, region);
        reunificationStart.delete(completed.caseId);
        tracing.returned(personKey, at);
        break;
      }
      case EVENT.followUpCompleted: {
        const visit = data as unknown as FollowUpVisitCompletedV1;
        facts.events.push({
          indicator: 'follow-ups',
          breakdown: 'completed',
          key: `${visit.reunificationId}#${visit.visit}`,
          at,
          region: regionOf(person, visit.officeId, caseOwner.get(visit.caseId)),
        });
        break;
      }
      case EVENT.followUpMissed: {
        const missed = data as unknown as FollowUpMissedV1;
        facts.events.push({
          indicator: 'follow-ups',
          breakdown: 'missed',
          key: `${missed.reunificationId}#${missed.visit}`,
          at: missed.dueOn,
          region: regionOf(person, missed.officeId, caseOwner.get(missed.caseId)),
        });
        break;
      }
      case EVENT.caseClosed: {
        const closed = data as unknown as CaseClosedV1;
        facts.events.push({
          indicator: 'cases-closed',
          breakdown: closed.outcome,
          key: closed.caseId,
          at,
          region: regionOf(person, closed.officeId, caseOwner.get(closed.caseId)),
        });
        closeCase(closed.caseId, at);
        intakeStart.delete(closed.caseId);
        reunificationStart.delete(closed.caseId);
        break;
      }
      case EVENT.tracingRequestRegistered:
      case EVENT.tracingRequestClosed:
      case EVENT.tracingMatchProposed:
      case EVENT.tracingMatchConfirmed:
      case EVENT.tracingMatchRejected:
        tracing.read(step.type, data, at);
        break;
      case EVENT.complaintFiled:
      case EVENT.complaintAnswered:
      case EVENT.complaintEscalated:
      case EVENT.complaintClosed:
        complaints.read(step.type, data, at, (...offices) => regionOf(person, ...offices));
        break;
      default:
        break;
    }
  }
  facts.spells.push(...complaints.overdueSpells());
  return facts;
}
