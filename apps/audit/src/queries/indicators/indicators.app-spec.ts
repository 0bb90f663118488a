import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AnyContract } from '@lintas/contracts/contract';
import {
  CaseClosedV1,
  ComplaintAnsweredV1,
  ComplaintClosedV1,
  ComplaintEscalatedV1,
  ComplaintFiledV1,
  FollowUpMissedV1,
  FollowUpVisitCompletedV1,
  ReunificationCompletedV1,
} from '@lintas/contracts/family-reunification/family-reunification.contracts';
import {
  PatientAdmittedV1,
  PatientDischargedV1,
  RsjReferralDeclinedV1,
  RsjReferralRequestedV1,
} from '@lintas/contracts/health-liaison/health-liaison.contracts';
import {
  AssessmentCompletedV1,
  INTAKE_TOPIC,
  IntakeRegisteredV1,
  PersonHandedOverV1,
  PersonsLinkedV1,
  PickupReportedV1,
  TracingMatchConfirmedV1,
  TracingMatchProposedV1,
  TracingMatchRejectedV1,
  TracingRequestClosedV1,
  TracingRequestRegisteredV1,
} from '@lintas/contracts/intake/intake.contracts';
import type { CloudEvent } from '@lintas/messaging/cloudevents/cloud-event';
import { toKafkaMessage } from '@lintas/messaging/cloudevents/kafka-binary-binding';
import { PgLogTransport } from '@lintas/messaging/transport/pg-log/pg-log-transport';
import type { Publisher } from '@lintas/messaging/transport/transport';
import { startOnPgLog, type ApplicationTier } from '@lintas/testing/application/application-tier';
import { eventually } from '@lintas/testing/eventually';
import { agency, type Json } from '@lintas/testing/http/agency-client';
import { testIdentity } from '@lintas/testing/identity/test-identity';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { AUDIT_SERVICE } from '../../audit.service-definition';

/**
 * GET /indicators on a seeded population: 40 records of 38 persons in two kabupaten/kota of two
 * provinces and clocks (Kabupaten Malang, WIB; Kota Makassar, WITA), with known outcomes in March
 * and April 2026 (and some in February, outside); 18 families' tracing requests whose candidates
 * are those persons, and 22 complaints about them. Their events go to the audit service as the
 * four services publish them; what the test expects is counted here from the seed itself, with
 * plain loops, not from the events and not with the service's code.
 */
const infra = useRealInfrastructure();
const run = promisify(execFile);
let tier: ApplicationTier;
let transport: PgLogTransport;
let publisher: Publisher;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const REGIONS = ['3507', '7371'] as const;
type Region = (typeof REGIONS)[number];
/** The clocks of the two regions, written out here: WIB for Malang, WITA for Makassar. */
const UTC_OFFSET_HOURS: Record<Region, number> = { '3507': 7, '7371': 8 };
const MONTHS = ['2026-03', '2026-04'];
const DECLINE_REASONS = ['no-bed', 'not-indicated', 'no-guarantee'] as const;

/** One record of the seed, as the test knows it: what happened, when (UTC instants). */
interface Seeded {
  n: number;
  personId: string;
  caseId: string;
  region: Region;
  /** The earlier record this one is (a re-pickup linked by intake): one person with it. */
  sameAs?: number;
  handedOverAt: number;
  registeredAt: number;
  assessedAt?: number;
  decision?: 'rsj' | 'home';
  declined?: { at: number; reason: (typeof DECLINE_REASONS)[number] };
  admittedAt?: number;
  dischargedAt?: number;
  returnedAt?: number;
  followUpDoneAt?: number;
  /** A calendar day, YYYY-MM-DD. */
  followUpMissedDue?: string;
  closed?: { at: number; outcome: 'reunified' | 'died' | 'transferred' | 'lost-to-follow-up' };
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}
const dayOf = (instant: number) => iso(instant).slice(0, 10);
const uuid = (kind: number, n: number) =>
  `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Records 1–38 by rule, spread over late February to May; 39 and 40 are re-pickups of 1 and 2. */
function seed(): Seeded[] {
  const start = Date.parse('2026-02-20T02:00:00Z');
  const records: Seeded[] = [];
  for (let n = 1; n <= 38; n += 1) {
    const registeredAt = start + n * 1.5 * DAY;
    const record: Seeded = {
      n,
      personId: uuid(1, n),
      caseId: uuid(2, n),
      region: REGIONS[n % 2],
      handedOverAt: registeredAt - (n % 4) * 6 * HOUR,
      registeredAt,
    };
    records.push(record);
    if (n % 6 === 5) continue; // still in intake
    record.assessedAt = registeredAt + (3 + (n % 7)) * DAY;
    record.decision = n % 3 === 0 ? 'home' : 'rsj';
    let readyAt = record.assessedAt;
    if (record.decision === 'rsj') {
      if (n % 4 === 1) {
        record.declined = {
          at: record.assessedAt + DAY,
          reason: DECLINE_REASONS[n % 3],
        };
      }
      record.admittedAt = record.assessedAt + 2 * DAY;
      if (n % 5 === 2) continue; // still in the RSJ
      record.dischargedAt = record.admittedAt + (10 + (n % 9)) * DAY;
      readyAt = record.dischargedAt;
    }
    if (n % 10 === 9) {
      record.closed = { at: readyAt + 3 * DAY, outcome: 'died' };
      continue;
    }
    record.returnedAt = readyAt + (4 + (n % 6)) * DAY;
    if (n % 2 === 0) record.followUpDoneAt = record.returnedAt + 14 * DAY;
    else if (n % 3 !== 0) record.followUpMissedDue = dayOf(record.returnedAt + 20 * DAY);
    if (n % 13 === 7) record.closed = { at: record.returnedAt + DAY, outcome: 'transferred' };
    else if (record.followUpDoneAt !== undefined) {
      record.closed = { at: record.followUpDoneAt + DAY, outcome: n % 8 === 0 ? 'lost-to-follow-up' : 'reunified' };
    }
  }
  // The last evening of March: 23:30 in Malang (still March), 00:30 in Makassar (already April).
  for (const n of [3, 6]) {
    const record = records[n - 1];
    record.returnedAt = Date.parse('2026-03-31T16:30:00Z');
  }
  // Record 39 is person 1 picked up again after their return, and home again the same month.
  const first = records[0];
  const again = (first.returnedAt as number) + DAY;
  records.push({
    n: 39,
    personId: uuid(1, 39),
    caseId: uuid(2, 39),
    region: first.region,
    sameAs: 1,
    handedOverAt: again,
    registeredAt: again + HOUR,
    assessedAt: again + 2 * DAY,
    decision: 'home',
    returnedAt: again + 5 * DAY,
  });
  // Record 40 is person 2 picked up again in Makassar: a case of its own in another region.
  records.push({
    n: 40,
    personId: uuid(1, 40),
    caseId: uuid(2, 40),
    region: '7371',
    sameAs: 2,
    handedOverAt: Date.parse('2026-04-02T01:00:00Z'),
    registeredAt: Date.parse('2026-04-02T03:00:00Z'),
  });
  return records;
}

const SEED = seed();
const office = (region: Region) => `dinsos-${region}`;
const personOf = (record: Seeded) => record.sameAs ?? record.n;

// --- families' tracing requests and complaints ---------------------------------------------------

const MINUTE = 60_000;
/** A calendar day on the region's clock, and the instant it ends there. */
const localDay = (instant: number, region: Region) =>
  new Date(instant + UTC_OFFSET_HOURS[region] * HOUR).toISOString().slice(0, 10);
const endOfDay = (day: string, region: Region) =>
  Date.parse(`${day}T00:00:00Z`) + DAY - UTC_OFFSET_HOURS[region] * HOUR;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** A tracing request of a family whose office is in `region`, and the decisions on its candidates. */
interface SeededRequest {
  t: number;
  requestId: string;
  /** The relative sought: the subject of the request's events. */
  soughtId: string;
  region: Region;
  registeredAt: number;
  /** In the order made; a proposal of a pair already proposed is a new score. */
  decisions: { decision: 'proposed' | 'confirmed' | 'rejected'; record: Seeded; at: number }[];
  closed?: { at: number; outcome: 'found' | 'withdrawn'; found: Seeded | null };
}

/** Requests 1–16 by rule, late February to April, their candidates the seeded records; 17 and 18 on March's last evening. */
function seedRequests(): SeededRequest[] {
  const start = Date.parse('2026-02-25T01:00:00Z');
  const requests: SeededRequest[] = [];
  for (let t = 1; t <= 18; t += 1) {
    const region = REGIONS[t % 2];
    const registeredAt = t <= 16 ? start + t * 2.5 * DAY : Date.parse('2026-03-31T16:30:00Z');
    const request: SeededRequest = {
      t,
      requestId: uuid(8, t),
      soughtId: uuid(9, t),
      region,
      registeredAt,
      decisions: [],
    };
    requests.push(request);
    if (t > 16) continue;
    const decide = (decision: 'proposed' | 'confirmed' | 'rejected', record: Seeded, days: number) =>
      request.decisions.push({ decision, record, at: registeredAt + days * DAY });
    const first = SEED[(t * 5) % 38];
    const second = SEED[(t * 5 + 11) % 38];
    decide('proposed', first, 1);
    decide('proposed', first, 2);
    let found: Seeded | null = null;
    if (t % 3 === 0) {
      decide('rejected', first, 3);
      decide('proposed', second, 4);
      decide('confirmed', second, 6);
      found = second;
    } else if (t % 3 === 1) {
      decide('confirmed', first, 3);
      found = first;
      // The family does not recognise the person confirmed.
      if (t % 6 === 1) {
        decide('rejected', first, 7);
        found = null;
      }
    }
    if (t % 4 === 0 && found) request.closed = { at: registeredAt + 9 * DAY, outcome: 'found', found };
    else if (t % 5 === 0 && t % 3 !== 0)
      request.closed = { at: registeredAt + 5 * DAY, outcome: 'withdrawn', found: null };
  }
  return requests;
}

const COMPLAINT_KINDS = ['delay', 'treatment', 'not-returned', 'other'] as const;

/** A complaint about a seeded person, counted in `region`: its first addressee's, else its filer's, else the person's. */
interface SeededComplaint {
  c: number;
  complaintId: string;
  about: Seeded;
  region: Region;
  kind: (typeof COMPLAINT_KINDS)[number];
  routedTo: string;
  filedBy: string;
  filedAt: number;
  answerBy: string;
  escalated?: { at: number; routedTo: string; answerBy: string };
  answeredAt?: number;
  closedAt?: number;
}

/** Complaints 1–20 by rule, March and April; 21 and 22 filed on March's last evening. */
function seedComplaints(): SeededComplaint[] {
  const start = Date.parse('2026-02-27T02:00:00Z');
  const complaints: SeededComplaint[] = [];
  for (let c = 1; c <= 22; c += 1) {
    const about = SEED[2 + ((c * 3) % 17)];
    // Routed to a panti through a police post, neither of whose ids tells a region: the person's.
    const byPerson = c % 7 === 0;
    const region = byPerson ? about.region : REGIONS[(c >> 1) % 2];
    const routing = byPerson
      ? { routedTo: 'panti-a', filedBy: 'polsek-x' }
      : c % 5 === 0
        ? { routedTo: 'rsj-lawang', filedBy: office(region) }
        : { routedTo: office(region), filedBy: c % 3 === 0 ? 'polres-x' : office(region) };
    const filedAt = c <= 20 ? start + c * 2.5 * DAY : Date.parse('2026-03-31T16:30:00Z');
    const answerBy = addDays(localDay(filedAt, region), 14);
    const complaint: SeededComplaint = {
      c,
      complaintId: uuid(10, c),
      about,
      region,
      kind: COMPLAINT_KINDS[c % 4],
      ...routing,
      filedAt,
      answerBy,
    };
    complaints.push(complaint);
    const deadline = endOfDay(answerBy, region);
    switch (c % 6) {
      case 0:
        complaint.answeredAt = filedAt + 10 * DAY;
        break;
      case 1:
        complaint.answeredAt = deadline + 2 * DAY;
        break;
      case 2: // 23:30 on the last day, local
        complaint.answeredAt = deadline - 30 * MINUTE;
        break;
      case 3: // 00:30 the day after, local
        complaint.answeredAt = deadline + 30 * MINUTE;
        break;
      case 4: {
        const at = deadline + DAY + 3 * HOUR;
        const parent = `${routing.routedTo.startsWith('dinsos-') ? 'dinsos' : 'dinkes'}-${region.slice(0, 2)}`;
        complaint.escalated = { at, routedTo: parent, answerBy: addDays(localDay(at, region), 7) };
        if (c % 4 !== 0) complaint.answeredAt = at + 3 * DAY;
        break;
      }
      default:
        if (c % 4 === 1) complaint.closedAt = filedAt + 20 * DAY;
    }
  }
  return complaints;
}

const REQUESTS = seedRequests();
const COMPLAINTS = seedComplaints();

// --- the events, as the services would publish them ----------------------------------------------

const SOURCES: Record<string, string> = {
  'lintas.intake.events': '/lintas/intake',
  'lintas.health-liaison.events': '/lintas/health-liaison',
  'lintas.rehabilitation.events': '/lintas/rehabilitation',
  'lintas.family-reunification.events': '/lintas/family-reunification',
};

interface Outgoing {
  contract: AnyContract;
  personId: string;
  at: number;
  data: Record<string, unknown>;
}

function eventsOf(record: Seeded): Outgoing[] {
  const { personId, caseId } = record;
  const officeId = office(record.region);
  const events: Outgoing[] = [];
  const add = (contract: AnyContract, at: number, data: Record<string, unknown>) =>
    events.push({ contract, personId, at, data });
  const pickupId = uuid(3, record.n);
  add(PickupReportedV1, record.handedOverAt - 2 * HOUR, {
    pickupId,
    personId,
    unitId: `satpolpp-${record.region}`,
    foundAt: iso(record.handedOverAt - 2 * HOUR),
    regionCode: `${record.region}01`,
    circumstances: 'wandering',
  });
  add(PersonHandedOverV1, record.handedOverAt, {
    pickupId,
    personId,
    officeId,
    receivedAt: iso(record.handedOverAt),
  });
  add(IntakeRegisteredV1, record.registeredAt, {
    caseId,
    caseNumber: `${record.region}-2026-${record.n}`,
    personId,
    officeId,
  });
  if (record.sameAs !== undefined) {
    add(PersonsLinkedV1, record.registeredAt + HOUR, {
      survivorPersonId: uuid(1, record.sameAs),
      linkedPersonId: personId,
      decidedBy: officeId,
    });
  }
  if (record.assessedAt === undefined) return events;
  add(AssessmentCompletedV1, record.assessedAt, {
    caseId,
    personId,
    officeId,
    decision: record.decision,
    ...(record.decision === 'rsj' && { rsjId: 'rsj-lawang' }),
  });
  if (record.decision === 'rsj') {
    const referral = (k: number) => ({ referralId: uuid(4 + k, record.n), caseId, personId, rsjId: 'rsj-lawang' });
    if (record.declined) {
      add(RsjReferralRequestedV1, record.assessedAt + HOUR, { ...referral(0), officeId, guaranteeKind: 'bpjs-pbi' });
      add(RsjReferralDeclinedV1, record.declined.at, { ...referral(0), reason: record.declined.reason });
    }
    add(RsjReferralRequestedV1, record.assessedAt + 2 * HOUR, { ...referral(1), officeId, guaranteeKind: 'bpjs-pbi' });
    if (record.admittedAt !== undefined) {
      add(PatientAdmittedV1, record.admittedAt, { ...referral(1), admittedAt: iso(record.admittedAt) });
    }
    if (record.dischargedAt !== undefined) {
      add(PatientDischargedV1, record.dischargedAt, {
        ...referral(1),
        officeId,
        dischargedAt: iso(record.dischargedAt),
        recommendation: 'family',
      });
    }
  }
  const reunification = { reunificationId: uuid(6, record.n), caseId, personId, officeId };
  if (record.returnedAt !== undefined) {
    add(ReunificationCompletedV1, record.returnedAt, { ...reunification, at: iso(record.returnedAt) });
  }
  if (record.followUpDoneAt !== undefined) {
    add(FollowUpVisitCompletedV1, record.followUpDoneAt, {
      ...reunification,
      visit: 1,
      at: iso(record.followUpDoneAt),
    });
  }
  if (record.followUpMissedDue !== undefined) {
    const due = Date.parse(`${record.followUpMissedDue}T00:00:00Z`);
    add(FollowUpMissedV1, due + 2 * DAY, { ...reunification, visit: 1, dueOn: record.followUpMissedDue });
  }
  if (record.closed) {
    add(CaseClosedV1, record.closed.at, {
      ...reunification,
      outcome: record.closed.outcome,
      at: iso(record.closed.at),
    });
  }
  return events;
}

function requestEventsOf(request: SeededRequest): Outgoing[] {
  const { requestId: tracingRequestId, soughtId: personId } = request;
  const officeId = office(request.region);
  const events: Outgoing[] = [];
  const add = (contract: AnyContract, at: number, data: Record<string, unknown>) =>
    events.push({ contract, personId, at, data });
  add(TracingRequestRegisteredV1, request.registeredAt, {
    tracingRequestId,
    personId,
    officeId,
    registeredBy: officeId,
  });
  const scored = new Set<number>();
  for (const { decision, record, at } of request.decisions) {
    if (decision === 'proposed') {
      add(TracingMatchProposedV1, at, {
        tracingRequestId,
        personId: record.personId,
        officeId,
        probability: scored.has(record.n) ? 0.9 : 0.7,
      });
      scored.add(record.n);
    } else if (decision === 'confirmed') {
      add(TracingMatchConfirmedV1, at, {
        tracingRequestId,
        personId: record.personId,
        caseId: record.caseId,
        caseOfficeId: office(record.region),
        requestOfficeId: officeId,
        familyRegionCode: request.region,
      });
    } else {
      add(TracingMatchRejectedV1, at, { tracingRequestId, personId: record.personId, officeId });
    }
  }
  if (request.closed) {
    add(TracingRequestClosedV1, request.closed.at, {
      tracingRequestId,
      personId,
      officeId,
      outcome: request.closed.outcome,
      foundPersonId: request.closed.found?.personId ?? null,
    });
  }
  return events;
}

function complaintEventsOf(complaint: SeededComplaint): Outgoing[] {
  const { complaintId } = complaint;
  const personId = complaint.about.personId;
  const events: Outgoing[] = [];
  const add = (contract: AnyContract, at: number, data: Record<string, unknown>) =>
    events.push({ contract, personId, at, data: { complaintId, personId, ...data, at: iso(at) } });
  add(ComplaintFiledV1, complaint.filedAt, {
    kind: complaint.kind,
    subjectType: 'case',
    filedBy: complaint.filedBy,
    routedTo: complaint.routedTo,
    answerBy: complaint.answerBy,
  });
  if (complaint.escalated) {
    add(ComplaintEscalatedV1, complaint.escalated.at, {
      fromAgencyId: complaint.routedTo,
      routedTo: complaint.escalated.routedTo,
      answerBy: complaint.escalated.answerBy,
    });
  }
  if (complaint.answeredAt !== undefined) {
    add(ComplaintAnsweredV1, complaint.answeredAt, {
      answeredBy: complaint.escalated?.routedTo ?? complaint.routedTo,
    });
  }
  if (complaint.closedAt !== undefined) add(ComplaintClosedV1, complaint.closedAt, { outcome: 'withdrawn' });
  return events;
}

const OUTGOING = [
  ...SEED.flatMap(eventsOf),
  ...REQUESTS.flatMap(requestEventsOf),
  ...COMPLAINTS.flatMap(complaintEventsOf),
];

async function publish(events: readonly Outgoing[]): Promise<void> {
  const messages = events.map((event) => {
    const id = randomUUID();
    const cloudEvent: CloudEvent = {
      specversion: '1.0',
      id,
      source: SOURCES[event.contract.topic] ?? '/lintas/test',
      type: event.contract.type,
      time: iso(event.at),
      subject: event.personId,
      datacontenttype: 'application/json',
      correlationid: id,
      data: event.data,
    };
    return toKafkaMessage(cloudEvent, infra.topics.name(event.contract.topic), event.personId);
  });
  await publisher.send(messages);
}

// --- what the test expects, counted from the seed ------------------------------------------------

/** `indicator region period breakdown` → the value (and, for stage lengths, the p90 and the count). */
type Expected = Record<string, number | string>;

const monthIn = (instant: number, region: Region) =>
  new Date(instant + UTC_OFFSET_HOURS[region] * HOUR).toISOString().slice(0, 7);
const endOf = (month: string, region: Region) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(year, m, 1) - UTC_OFFSET_HOURS[region] * HOUR;
};
const cellsOf = (region: Region) => [region, region.slice(0, 2)];
const cell = (indicator: string, code: string, month: string, breakdown = '') =>
  [indicator, code, month, breakdown].join(' ').trim();

/** The 0.9-quantile as a spreadsheet's PERCENTILE.INC: between the ranks around (n − 1)·0.9. */
function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * q;
  const low = sorted[Math.floor(rank)];
  const high = sorted[Math.ceil(rank)];
  return low + (rank - Math.floor(rank)) * (high - low);
}
const twoDecimals = (value: number) => Math.round(value * 100) / 100;

function expected(): Expected {
  const result: Expected = {};
  const persons: Record<string, Set<number>> = {};
  const counts: Record<string, number> = {};
  const stays: Record<string, number[]> = {};
  const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);

  for (const record of SEED) {
    for (const code of cellsOf(record.region)) {
      if (record.returnedAt !== undefined) {
        const month = monthIn(record.returnedAt, record.region);
        (persons[cell('persons-returned', code, month)] ??= new Set()).add(personOf(record));
      }
      if (record.closed)
        count(cell('cases-closed', code, monthIn(record.closed.at, record.region), record.closed.outcome));
      if (record.declined) {
        count(cell('rsj-referral-declines', code, monthIn(record.declined.at, record.region), record.declined.reason));
      }
      if (record.assessedAt !== undefined) {
        const month = monthIn(record.assessedAt, record.region);
        (stays[cell('stage-days', code, month, 'intake')] ??= []).push((record.assessedAt - record.handedOverAt) / DAY);
      }
      if (record.followUpDoneAt !== undefined) {
        count(cell('follow-ups', code, monthIn(record.followUpDoneAt, record.region), 'completed'));
      }
      if (record.followUpMissedDue !== undefined) {
        count(cell('follow-ups', code, record.followUpMissedDue.slice(0, 7), 'missed'));
      }
      for (const month of MONTHS) {
        const end = endOf(month, record.region);
        if (record.registeredAt < end && (record.closed === undefined || record.closed.at >= end)) {
          count(cell('caseload', code, month, office(record.region)));
        }
      }
    }
  }
  for (const [key, set] of Object.entries(persons)) if (asked(key)) result[key] = set.size;
  for (const [key, value] of Object.entries(counts)) if (asked(key)) result[key] = value;
  for (const [key, values] of Object.entries(stays)) {
    if (!asked(key)) continue;
    result[key] =
      `median ${twoDecimals(percentile(values, 0.5))} p90 ${twoDecimals(percentile(values, 0.9))} n ${values.length}`;
  }
  // The shares, from the counts: reunified closures over all but transferred; visits done over done and missed.
  for (const code of ['3507', '35', '7371', '73']) {
    for (const month of MONTHS) {
      const closures = (outcome: string) => counts[cell('cases-closed', code, month, outcome)] ?? 0;
      const closed = ['reunified', 'died', 'lost-to-follow-up'].reduce((sum, outcome) => sum + closures(outcome), 0);
      if (closed > 0) {
        result[cell('returned-share-of-closed', code, month)] =
          `${Math.round((closures('reunified') / closed) * 10_000) / 10_000} = ${closures('reunified')}/${closed}`;
      }
      const done = counts[cell('follow-ups', code, month, 'completed')] ?? 0;
      const missed = counts[cell('follow-ups', code, month, 'missed')] ?? 0;
      if (done + missed > 0) {
        result[cell('follow-ups-done-share', code, month)] =
          `${Math.round((done / (done + missed)) * 10_000) / 10_000} = ${done}/${done + missed}`;
      }
    }
  }
  return { ...result, ...tracingExpected(), ...complaintsExpected() };
}

const asked = (key: string) => MONTHS.includes(key.split(' ')[2]);
const fourDecimals = (value: number) => Math.round(value * 10_000) / 10_000;

/** Each request in the region of its family's office, on that region's clock. */
function tracingExpected(): Expected {
  const result: Expected = {};
  const counts: Record<string, number> = {};
  const waits: Record<string, number[]> = {};
  for (const request of REQUESTS) {
    const { region } = request;
    const counted: [indicator: string, month: string, breakdown?: string][] = [
      ['tracing-requests-registered', monthIn(request.registeredAt, region)],
    ];
    for (const month of MONTHS) {
      const end = endOf(month, region);
      if (request.registeredAt < end && (request.closed === undefined || request.closed.at >= end)) {
        counted.push(['tracing-requests-open', month]);
      }
    }
    const proposed = new Set<number>();
    for (const { decision, record, at } of request.decisions) {
      if (decision === 'proposed' && proposed.has(record.n)) continue;
      proposed.add(record.n);
      counted.push(['tracing-matches', monthIn(at, region), decision]);
    }
    // The wait ends at the person's first return after the confirmation, unless rejected before it.
    const confirmation = request.decisions.find(({ decision }) => decision === 'confirmed');
    let returnedAt: number | undefined;
    if (confirmation) {
      const returns = SEED.filter((record) => personOf(record) === personOf(confirmation.record))
        .map((record) => record.returnedAt)
        .filter((at): at is number => at !== undefined && at > confirmation.at);
      const rejection = request.decisions.find(
        ({ decision, record, at }) => decision === 'rejected' && record === confirmation.record && at > confirmation.at,
      );
      const first = returns.length > 0 ? Math.min(...returns) : undefined;
      if (first !== undefined && (rejection === undefined || rejection.at > first)) returnedAt = first;
    }
    for (const code of cellsOf(region)) {
      for (const [indicator, month, breakdown] of counted) {
        const key = cell(indicator, code, month, breakdown);
        counts[key] = (counts[key] ?? 0) + 1;
      }
      if (returnedAt !== undefined) {
        (waits[cell('tracing-days-to-return', code, monthIn(returnedAt, region))] ??= []).push(
          (returnedAt - request.registeredAt) / DAY,
        );
      }
    }
  }
  for (const [key, value] of Object.entries(counts)) if (asked(key)) result[key] = value;
  for (const [key, values] of Object.entries(waits)) {
    if (!asked(key)) continue;
    result[key] =
      `median ${twoDecimals(percentile(values, 0.5))} p90 ${twoDecimals(percentile(values, 0.9))} n ${values.length}`;
  }
  return result;
}

/** Each complaint in one region: its first addressee's, else its filer's, else the person's; on that region's clock. */
function complaintsExpected(): Expected {
  const result: Expected = {};
  const counts: Record<string, number> = {};
  const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const complaint of COMPLAINTS) {
    const { region, escalated, answeredAt, closedAt } = complaint;
    for (const code of cellsOf(region)) {
      count(cell('complaints-filed', code, monthIn(complaint.filedAt, region), complaint.kind));
      if (escalated) count(cell('complaints-escalated', code, monthIn(escalated.at, region)));
      if (answeredAt !== undefined) {
        const deadline = escalated && escalated.at < answeredAt ? escalated.answerBy : complaint.answerBy;
        const onTime = localDay(answeredAt, region) <= deadline;
        count(cell('complaints-answered', code, monthIn(answeredAt, region), onTime ? 'on-time' : 'late'));
      }
      for (const month of MONTHS) {
        const end = endOf(month, region);
        const inForce = escalated && escalated.at < end ? escalated : complaint;
        const settled = [answeredAt, closedAt].some((at) => at !== undefined && at < end);
        // Overdue at the month's end: its last day to answer was before the month's last day.
        if (complaint.filedAt < end && !settled && inForce.answerBy < localDay(end - 1, region)) {
          count(cell('complaints-overdue', code, month, inForce.routedTo));
        }
      }
    }
  }
  for (const [key, value] of Object.entries(counts)) if (asked(key)) result[key] = value;
  for (const code of ['3507', '35', '7371', '73']) {
    for (const month of MONTHS) {
      const onTime = counts[cell('complaints-answered', code, month, 'on-time')] ?? 0;
      const late = counts[cell('complaints-answered', code, month, 'late')] ?? 0;
      const overdue = Object.entries(counts)
        .filter(([key]) => key.startsWith(`${cell('complaints-overdue', code, month)} `))
        .reduce((sum, [, value]) => sum + value, 0);
      const all = onTime + late + overdue;
      if (all > 0)
        result[cell('complaints-on-time-share', code, month)] = `${fourDecimals(onTime / all)} = ${onTime}/${all}`;
    }
  }
  return result;
}

// --- the answer, read the same way -----------------------------------------------------------------

const CHECKED = [
  'persons-returned',
  'cases-closed',
  'returned-share-of-closed',
  'stage-days',
  'rsj-referral-declines',
  'caseload',
  'follow-ups',
  'follow-ups-done-share',
  'tracing-requests-registered',
  'tracing-requests-open',
  'tracing-matches',
  'tracing-days-to-return',
  'complaints-filed',
  'complaints-answered',
  'complaints-overdue',
  'complaints-escalated',
  'complaints-on-time-share',
];

interface RowValues {
  indicator: string;
  unit: string;
  regionCode: string;
  period: string;
  breakdown: string;
  value: string;
  numerator: string;
  denominator: string;
  observations: string;
  p90: string;
}

function comparable(rows: RowValues[]): Expected {
  const result: Expected = {};
  for (const row of rows) {
    if (!CHECKED.includes(row.indicator)) continue;
    if (row.indicator === 'stage-days' && row.breakdown !== 'intake') continue;
    const key = cell(row.indicator, row.regionCode, row.period, row.breakdown);
    if (row.unit === 'days') result[key] = `median ${row.value} p90 ${row.p90} n ${row.observations}`;
    else if (row.unit === 'share') result[key] = `${row.value} = ${row.numerator}/${row.denominator}`;
    else result[key] = Number(row.value);
  }
  return result;
}

const fromJson = (rows: Json[]): RowValues[] =>
  rows.map((row: Json) =>
    Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value === null ? '' : String(value)])),
  ) as unknown as RowValues[];

function fromCsv(csv: string): RowValues[] {
  const [header, ...lines] = csv.split('\r\n').filter((line) => line !== '');
  const columns = header.split(',');
  const names: Record<string, keyof RowValues> = { region_code: 'regionCode' };
  return lines.map(
    (line) =>
      Object.fromEntries(
        line.split(',').map((value, i) => [names[columns[i]] ?? columns[i], value]),
      ) as unknown as RowValues,
  );
}

// --- the tests ---------------------------------------------------------------------------------------

const admin = agency('admin', 'lintas-admin', '35');
const malang = agency('dinas-sosial', 'dinsos-3507', '3507');
const jatim = agency('dinas-sosial-provinsi', 'dinsos-35', '35');
const QUERY = '/indicators?from=2026-03&to=2026-04&by=month';

beforeAll(async () => {
  tier = await startOnPgLog(AUDIT_SERVICE, infra, INTAKE_TOPIC);
  transport = new PgLogTransport({ pool: infra.createPool() });
  publisher = await transport.publisher();
  infra.defer(async () => {
    await publisher.close();
    await transport.close();
  });
  await publish(OUTGOING);
  const pool = infra.createPool();
  await eventually(
    async () => (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.ledger_entries')).rows[0]?.n,
    (recorded) => recorded === OUTGOING.length,
    { timeoutMs: 60_000 },
  );
}, 90_000);

describe('GET /indicators on a seeded population', () => {
  it('seeds what it means to: 40 records of 38 persons, in both regions and both months, none refused', () => {
    expect(SEED).toHaveLength(40);
    expect(new Set(SEED.map(personOf)).size).toBe(38);
    const wanted = expected();
    for (const region of REGIONS) {
      for (const month of MONTHS) expect(wanted[cell('persons-returned', region, month)]).toBeGreaterThan(0);
    }
    // Every new indicator and breakdown is exercised in both regions, so that a zero proves nothing.
    const kinds = new Set(
      Object.keys(wanted).map((key) =>
        key
          .split(' ')
          .filter((_, i) => i !== 2)
          .join(' '),
      ),
    );
    for (const region of REGIONS) {
      for (const kind of [
        'tracing-requests-registered',
        'tracing-requests-open',
        'tracing-matches proposed',
        'tracing-matches confirmed',
        'tracing-matches rejected',
        'tracing-days-to-return',
        'complaints-answered on-time',
        'complaints-answered late',
        'complaints-escalated',
        'complaints-on-time-share',
      ]) {
        const [indicator, breakdown] = kind.split(' ');
        expect(kinds).toContain([indicator, region, breakdown].filter(Boolean).join(' '));
      }
    }
    expect(Object.keys(wanted).some((key) => key.startsWith('complaints-overdue '))).toBe(true);
    // A complaint counted by its person's region was filed after the person's pickup there.
    for (const complaint of COMPLAINTS.filter(({ routedTo }) => routedTo === 'panti-a')) {
      expect(complaint.about.handedOverAt).toBeLessThan(complaint.filedAt);
    }
    expect(tier.deadLetters.published).toEqual([]);
  });

  it('computes each indicator as counted independently from the seed, in JSON', async () => {
    const reply = await tier.service.as(admin).get(QUERY);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body).toMatchObject({ from: '2026-03', to: '2026-04', by: 'month', region: null });
    expect(reply.body.periods).toEqual(MONTHS);
    expect(comparable(fromJson(reply.body.rows))).toEqual(expected());
    expect(reply.body.notes.some((note: string) => note.includes('capacity'))).toBe(true);
  });

  it('answers the same as CSV, asked by the Accept header or by format=csv', async () => {
    const byHeader = await tier.service.as(admin).get(QUERY, { headers: { accept: 'text/csv' } });
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(comparable(fromCsv(byHeader.body))).toEqual(expected());
    const byFormat = await tier.service.as(admin).get(`${QUERY}&format=csv`);
    expect(byFormat.body).toBe(byHeader.body);
    const json = await tier.service.as(admin).get(QUERY);
    expect(fromCsv(byHeader.body)).toHaveLength(json.body.rows.length);
  });

  it('names no person, in JSON or CSV', async () => {
    const json = JSON.stringify((await tier.service.as(admin).get(QUERY)).body);
    const csv = (await tier.service.as(admin).get(`${QUERY}&format=csv`)).body as string;
    const ids = [
      ...SEED.map((record) => record.personId),
      ...REQUESTS.flatMap((request) => [request.soughtId, request.requestId]),
      ...COMPLAINTS.map((complaint) => complaint.complaintId),
    ];
    for (const id of ids) {
      expect(json).not.toContain(id);
      expect(csv).not.toContain(id);
    }
  });

  it("keeps a kabupaten/kota office to its region, a provincial office to its province's", async () => {
    const own = await tier.service.as(malang).get(QUERY);
    expect(own.status).toBe(200);
    expect(own.body.region).toBe('3507');
    const inMalang = Object.fromEntries(Object.entries(expected()).filter(([key]) => key.split(' ')[1] === '3507'));
    expect(comparable(fromJson(own.body.rows))).toEqual(inMalang);

    expect((await tier.service.as(malang).get(`${QUERY}&region=7371`)).status).toBe(403);
    expect((await tier.service.as(malang).get(`${QUERY}&region=35`)).status).toBe(403);

    const province = await tier.service.as(jatim).get(QUERY);
    expect(province.status).toBe(200);
    expect(new Set(province.body.rows.map((row: Json) => row.regionCode))).toEqual(new Set(['35', '3507']));
    expect((await tier.service.as(jatim).get(`${QUERY}&region=7371`)).status).toBe(403);
  });

  it('refuses other agencies and requests it cannot answer', async () => {
    expect((await tier.service.as(agency('rsj', 'rsj-lawang', '3507')).get(QUERY)).status).toBe(403);
    expect((await tier.service.as(agency('panti', 'panti-a', '3507')).get(QUERY)).status).toBe(403);
    const reversed = await tier.service.as(admin).get('/indicators?from=2026-05&to=2026-04');
    expect(reversed.status).toBe(400);
    expect((await tier.service.as(admin).get('/indicators?from=2026-3')).status).toBe(400);
    expect((await tier.service.as(admin).get('/indicators?region=350701')).status).toBe(400);
    expect((await tier.service.as(admin).get('/indicators?from=2000-01&to=2026-04')).status).toBe(400);
  });

  it("refuses an admin agency's token without the lintas.admin scope", async () => {
    const identity = await testIdentity();
    const { clientId, secret } = identity.credentialsFor(admin);
    const token = await fetch(`${identity.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    const { access_token: unscoped } = (await token.json()) as { access_token: string };
    const reply = await fetch(`${tier.service.url}${QUERY}`, { headers: { authorization: `Bearer ${unscoped}` } });
    expect(reply.status).toBe(403);
    expect(((await reply.json()) as { code: string }).code).toBe('agency.scope-missing');
  });

  it('is what `lintas indicators --csv` prints, and its table', async () => {
    const identity = await testIdentity();
    const credentials = identity.credentialsFor(admin);
    const dir = await mkdtemp(join(tmpdir(), 'lintas-indicators-'));
    try {
      await writeFile(join(dir, 'secret'), `${credentials.secret}\n`, { mode: 0o600 });
      const env = {
        LINTAS_IDENTITY_URL: identity.issuer,
        LINTAS_AUDIT_URL: tier.service.url,
        LINTAS_CLIENT_ID: credentials.clientId,
        LINTAS_CLIENT_SECRET_FILE: join(dir, 'secret'),
      };
      const cli = (args: string[]) =>
        run(process.execPath, ['--import', 'tsx', join(__dirname, '../../../../cli/src/main.ts'), ...args], {
          env,
          cwd: join(__dirname, '../../../../..'),
        });
      const args = ['indicators', '--from', '2026-03', '--to', '2026-04', '--region', '7371'];
      const csv = await cli([...args, '--csv']);
      const wanted = Object.fromEntries(Object.entries(expected()).filter(([key]) => key.split(' ')[1] === '7371'));
      expect(comparable(fromCsv(csv.stdout))).toEqual(wanted);
      const table = await cli(args);
      expect(table.stdout).toContain('region 7371');
      expect(table.stdout).toMatch(
        new RegExp(`persons-returned\\s+7371\\s+2026-03\\s+${wanted[cell('persons-returned', '7371', '2026-03')]}\\n`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
