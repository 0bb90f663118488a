import { STAGES, type EventFact, type SpellFact } from './facts';
import { EVENT, type LedgerStep } from './indicator-events';
import { journeyFacts } from './journey-facts';
import { Periods, type Granularity, type Month } from './periods';
import { levelsOf, withinRegion, type RegionLevel } from './regions';
import { median, p90, round } from './statistics';

export const INDICATOR_IDS = [
  'persons-returned',
  'cases-closed',
  'returned-share-of-closed',
  'stage-days',
  'rsj-referral-declines',
  'placement-declines',
  'panti-residents',
  'panti-admissions',
  'panti-terminations',
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
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const UNITS = [
  'persons',
  'cases',
  'share',
  'days',
  'declines',
  'residents',
  'placements',
  'visits',
  'requests',
  'matches',
  'complaints',
] as const;
export type Unit = (typeof UNITS)[number];

/** What an indicator counts, from which events, broken down by what: the answer's and the docs' words. */
export interface IndicatorDefinition {
  id: IndicatorId;
  unit: Unit;
  /** What `breakdown` holds in its rows; null when the indicator has none. */
  breakdown: string | null;
  definition: string;
  /** The contract types it reads. */
  events: string[];
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'persons-returned',
    unit: 'persons',
    breakdown: null,
    definition:
      'Persons returned to their families in the period (ReunificationCompleted at its `at`); linked records count once, a person returned twice in one period once.',
    events: [EVENT.reunificationCompleted, EVENT.personsLinked],
  },
  {
    id: 'cases-closed',
    unit: 'cases',
    breakdown: 'the outcome: reunified, long-term-placement, died, lost-to-follow-up, transferred',
    definition: 'Cases closed in the period (CaseClosed at its `at`), by outcome.',
    events: [EVENT.caseClosed],
  },
  {
    id: 'returned-share-of-closed',
    unit: 'share',
    breakdown: null,
    definition:
      'Of the cases closed in the period, the share closed as `reunified`: numerator the reunified closures, denominator every closure but `transferred` (whose path goes on at another office, outside Lintas).',
    events: [EVENT.caseClosed],
  },
  {
    id: 'stage-days',
    unit: 'days',
    breakdown: `the stage: ${STAGES.join(', ')}`,
    definition:
      'Length in days of the stays in a stage that ended in the period: value the median, p90 the 90th percentile (linear interpolation), observations the number of stays. intake: hand-over (PersonHandedOver.receivedAt, else IntakeRegistered) to the case’s first AssessmentCompleted; treatment: PatientAdmitted to PatientDischarged of one referral; rehabilitation: PlacedInPanti to RehabilitationTerminated of one placement (long-term placements left out); reunification: the hand-over that starts family tracing (AssessmentCompleted home/community, PatientDischarged recommending family, RehabilitationTerminated ready-to-return) to ReunificationCompleted of the case.',
    events: [
      EVENT.personHandedOver,
      EVENT.intakeRegistered,
      EVENT.assessmentCompleted,
      EVENT.patientAdmitted,
      EVENT.patientDischarged,
      EVENT.placementRequested,
      EVENT.placedInPanti,
      EVENT.rehabilitationTerminated,
      EVENT.reunificationCompleted,
    ],
  },
  {
    id: 'rsj-referral-declines',
    unit: 'declines',
    breakdown: 'the reason: no-bed, not-indicated, no-guarantee, other',
    definition:
      'RSJ referrals declined in the period (RsjReferralDeclined), by reason; counted in the region of the office that referred.',
    events: [EVENT.rsjReferralDeclined, EVENT.rsjReferralRequested],
  },
  {
    id: 'placement-declines',
    unit: 'declines',
    breakdown: 'the reason: full, not-suitable, outside-mandate',
    definition:
      'Placement requests a panti declined in the period (PlacementDeclined), by reason; counted in the region of the office that asked.',
    events: [EVENT.placementDeclined, EVENT.placementRequested],
  },
  {
    id: 'panti-residents',
    unit: 'residents',
    breakdown: 'the panti (its agency id)',
    definition:
      'Residents of each panti at the end of the period: admitted (PlacedInPanti) and not terminated (RehabilitationTerminated); an absconded or relapsed resident keeps the bed until terminated. Counted in the region of the office that placed them. No event carries a panti’s capacity, so this is no occupancy rate.',
    events: [EVENT.placedInPanti, EVENT.rehabilitationTerminated, EVENT.placementRequested],
  },
  {
    id: 'panti-admissions',
    unit: 'placements',
    breakdown: 'the panti (its agency id)',
    definition: 'Admissions to each panti in the period (PlacedInPanti).',
    events: [EVENT.placedInPanti],
  },
  {
    id: 'panti-terminations',
    unit: 'placements',
    breakdown: 'the panti (its agency id)',
    definition: 'Stays in each panti ended in the period (RehabilitationTerminated of an admitted placement).',
    events: [EVENT.rehabilitationTerminated],
  },
  {
    id: 'caseload',
    unit: 'cases',
    breakdown: 'the owning Dinas Sosial office (its agency id)',
    definition:
      'Open cases of each owning office at the end of the period: registered (IntakeRegistered), moved by CaseTransferAccepted, not yet closed (CaseClosed).',
    events: [EVENT.intakeRegistered, EVENT.caseTransferAccepted, EVENT.caseClosed],
  },
  {
    id: 'follow-ups',
    unit: 'visits',
    breakdown: 'completed (FollowUpVisitCompleted, by the visit’s `at`) or missed (FollowUpMissed, by its due day)',
    definition: 'Follow-up visits after a return made, and recorded as missed, in the period.',
    events: [EVENT.followUpCompleted, EVENT.followUpMissed],
  },
  {
    id: 'follow-ups-done-share',
    unit: 'share',
    breakdown: null,
    definition:
      'completed / (completed + missed) follow-up visits in the period. A completed visit carries no due day, so one made late but never recorded as missed counts as done.',
    events: [EVENT.followUpCompleted, EVENT.followUpMissed],
  },
  {
    id: 'tracing-requests-registered',
    unit: 'requests',
    breakdown: null,
    definition:
      'Families’ tracing requests registered in the period (TracingRequestRegistered), in the region of the office owning the request (the family’s Dinas Sosial), as every tracing indicator.',
    events: [EVENT.tracingRequestRegistered],
  },
  {
    id: 'tracing-requests-open',
    unit: 'requests',
    breakdown: null,
    definition:
      'Tracing requests open at the end of the period: registered (TracingRequestRegistered), not closed (TracingRequestClosed, found or withdrawn); a request with a confirmed match stays open until closed.',
    events: [EVENT.tracingRequestRegistered, EVENT.tracingRequestClosed],
  },
  {
    id: 'tracing-matches',
    unit: 'matches',
    breakdown:
      'proposed (the first TracingMatchProposed of a pair; a new score is no new proposal), confirmed (TracingMatchConfirmed), rejected (TracingMatchRejected, a confirmed pair included)',
    definition:
      'Pairs of a tracing request and a person found proposed, confirmed and rejected in the period, each pair once a period.',
    events: [EVENT.tracingMatchProposed, EVENT.tracingMatchConfirmed, EVENT.tracingMatchRejected],
  },
  {
    id: 'tracing-days-to-return',
    unit: 'days',
    breakdown: null,
    definition:
      'Days from a tracing request’s registration (TracingRequestRegistered) to the first return home (ReunificationCompleted) of a person confirmed for it (TracingMatchConfirmed, not rejected since; linked records are one person) after the confirmation, counted in the period of the return: value the median, p90 the 90th percentile (linear interpolation), observations the number of requests.',
    events: [
      EVENT.tracingRequestRegistered,
      EVENT.tracingMatchConfirmed,
      EVENT.tracingMatchRejected,
      EVENT.reunificationCompleted,
      EVENT.personsLinked,
    ],
  },
  {
    id: 'complaints-filed',
    unit: 'complaints',
    breakdown: 'the kind: delay, treatment, not-returned, other',
    definition:
      'Families’ complaints filed in the period (ComplaintFiled at its `at`), by kind. Every complaint indicator counts a complaint in the region of the agency it was first routed to, else of the agency that filed it, else the person’s.',
    events: [EVENT.complaintFiled],
  },
  {
    id: 'complaints-answered',
    unit: 'complaints',
    breakdown:
      'on-time (answered on or before the last day of the deadline in force then: the filing’s, or the latest escalation’s; the day read on the region’s clock) or late',
    definition: 'Complaints answered in the period (ComplaintAnswered at its `at`).',
    events: [EVENT.complaintFiled, EVENT.complaintEscalated, EVENT.complaintAnswered],
  },
  {
    id: 'complaints-overdue',
    unit: 'complaints',
    breakdown: 'the agency it waits on (its agency id)',
    definition:
      'Complaints overdue at the end of the period: past the last day of the deadline in force (the filing’s, or the latest escalation’s, on the region’s clock), neither answered (ComplaintAnswered) nor closed (ComplaintClosed). An escalated complaint is overdue again only once its new deadline passes.',
    events: [EVENT.complaintFiled, EVENT.complaintEscalated, EVENT.complaintAnswered, EVENT.complaintClosed],
  },
  {
    id: 'complaints-escalated',
    unit: 'complaints',
    breakdown: null,
    definition:
      'Complaints escalated in the period (ComplaintEscalated: unanswered past the deadline, routed on to the addressee’s parent office), each once a period. A complaint its parent office answers by the new deadline counts as answered on time; this count shows the deadlines missed before.',
    events: [EVENT.complaintFiled, EVENT.complaintEscalated],
  },
  {
    id: 'complaints-on-time-share',
    unit: 'share',
    breakdown: null,
    definition:
      'on-time / (on-time + late answers in the period + complaints overdue at its end): of the complaints answered in the period or still waiting past their deadline at its end, the share answered on time; numerator, denominator given. A complaint overdue at the end of two periods is in both denominators.',
    events: [EVENT.complaintFiled, EVENT.complaintEscalated, EVENT.complaintAnswered, EVENT.complaintClosed],
  },
];

/** What the events cannot tell, said in every answer (docs/indicators.md, "What the events lack"). */
export const EVENT_GAPS: readonly string[] = [
  'Bed occupancy: no integration event carries a panti’s capacity (it stays in rehabilitation’s bed book), so residents are counted, not an occupancy rate.',
  'Panti region: no event names a panti’s region; panti rows count in the region of the office that placed the resident.',
  'Follow-ups on time: FollowUpVisitCompleted carries no due day, so lateness of a completed visit cannot be seen; only visits recorded as missed count against.',
  'Reunification stage: the stage starts at the hand-over that starts tracing; FamilyTracingStarted, now published, is not read yet.',
  'A family’s last-seen region: TracingRequestRegistered names only the owning office; the family’s kabupaten/kota travels only with a confirmed match, so tracing requests count in the region of the office owning them.',
  'Relatives found without Lintas: a tracing request closed as found with no person found has no return to time, and a confirmed person returned before the confirmation is not tied to the request.',
  'Complaint deadlines and satisfaction: the deadlines are family-reunification’s (14 days, 7 more after each escalation: assumptions in its config); an answer’s day is read on the clock of the complaint’s region; no event says whether the family was satisfied with the answer.',
  'Office regions: no event carries an office’s region; it is read from the agency id convention (dinsos-<code>); for an office of another form the person’s other offices, pickup region or region of origin decide (for a tracing request, the family’s region); an RSJ, panti or police id tells none.',
  'Social functioning, ATENSI services, PPKS categories and social workers: internal to the services or personal data, in no integration event; the Renstra’s headline indicator and the caseload per worker cannot be counted here.',
];

export interface IndicatorRequest {
  from: Month;
  to: Month;
  by: Granularity;
  /** A province (2 digits) or kabupaten/kota (4); null for every region. */
  region: string | null;
}

/** One value of one indicator for one region and period (and breakdown): a CSV row. */
export interface IndicatorRow {
  indicator: IndicatorId;
  unit: Unit;
  regionLevel: RegionLevel;
  regionCode: string;
  period: string;
  breakdown: string | null;
  /** A count; a share (0–1, 4 decimals); or for an indicator in days the median (2 decimals). */
  value: number;
  numerator: number | null;
  denominator: number | null;
  /** Indicators in days: the lengths measured (stays, requests). */
  observations: number | null;
  /** Indicators in days: the 90th percentile. */
  p90: number | null;
}

export interface IndicatorReport {
  from: Month;
  to: Month;
  by: Granularity;
  region: string | null;
  periods: string[];
  rows: IndicatorRow[];
  notes: string[];
}

interface Group {
  indicator: IndicatorId;
  regionLevel: RegionLevel;
  regionCode: string;
  period: string;
  breakdown: string | null;
  keys: Set<string>;
  values: number[];
}

const UNIT_OF = new Map(INDICATORS.map((definition) => [definition.id, definition.unit]));
const ORDER = new Map(INDICATOR_IDS.map((id, index) => [id, index]));

/**
 * The indicators of a request from the ledger's steps: each counted fact is placed in its region
 * (kabupaten/kota and province) and period, within the asked region; rows only where something was
 * counted (a missing row is a zero). Aggregates only: no row names a person.
 */
export function computeIndicators(steps: readonly LedgerStep[], request: IndicatorRequest): IndicatorReport {
  const periods = new Periods(request.from, request.to, request.by);
  const facts = journeyFacts(steps);
  const groups = new Map<string, Group>();
  let unplaced = 0;

  const groupsOf = (indicator: IndicatorId, region: string, period: string, breakdown: string | null): Group[] =>
    levelsOf(region)
      .filter((level) => withinRegion(request.region, level.code))
      .map((level) => {
        const id = [indicator, level.level, level.code, period, breakdown ?? ''].join('\u0000');
        let group = groups.get(id);
        if (!group) {
          group = {
            indicator,
            regionLevel: level.level,
            regionCode: level.code,
            period,
            breakdown,
            keys: new Set(),
            values: [],
          };
          groups.set(id, group);
        }
        return group;
      });

  for (const fact of facts.events) {
    const period = periodOfEvent(periods, fact);
    if (period === undefined) continue;
    if (fact.region === undefined) unplaced += 1;
    else for (const group of groupsOf(fact.indicator, fact.region, period, fact.breakdown)) group.keys.add(fact.key);
  }
  for (const duration of facts.durations) {
    const period = periods.labelOfInstant(duration.end, duration.region);
    if (period === undefined) continue;
    if (duration.region === undefined) unplaced += 1;
    else {
      for (const group of groupsOf(duration.indicator, duration.region, period, duration.breakdown)) {
        group.values.push(duration.days);
      }
    }
  }
  for (const spell of facts.spells) {
    const open = periods.labels.filter((period) => openAt(spell, periods.endOf(period, spell.region)));
    const region = spell.region;
    if (region === undefined) {
      if (open.length > 0) unplaced += 1;
      continue;
    }
    for (const period of open) {
      for (const group of groupsOf(spell.indicator, region, period, spell.breakdown)) group.keys.add(spell.key);
    }
  }

  const rows = [...groups.values()].map(rowOf);
  rows.push(
    ...shares(rows, 'returned-share-of-closed', { of: 'cases-closed', only: ['reunified'] }, [
      { of: 'cases-closed', except: ['transferred'] },
    ]),
    ...shares(rows, 'follow-ups-done-share', { of: 'follow-ups', only: ['completed'] }, [{ of: 'follow-ups' }]),
    ...shares(rows, 'complaints-on-time-share', { of: 'complaints-answered', only: ['on-time'] }, [
      { of: 'complaints-answered' },
      { of: 'complaints-overdue' },
    ]),
  );
  rows.sort(byRowOrder);

  const notes = [...EVENT_GAPS];
  // Only an answer over every region may speak of what fits in none.
  if (request.region === null && unplaced > 0) {
    notes.push(`${unplaced} counted fact(s) named no region in any event and are in no row.`);
  }
  return {
    from: request.from,
    to: request.to,
    by: request.by,
    region: request.region,
    periods: [...periods.labels],
    rows,
    notes,
  };
}

function periodOfEvent(periods: Periods, fact: EventFact): string | undefined {
  return typeof fact.at === 'string' ? periods.labelOfDate(fact.at) : periods.labelOfInstant(fact.at, fact.region);
}

/** Open at the period's end: begun before it, not ended before it. */
function openAt(spell: SpellFact, end: number): boolean {
  return spell.start < end && (spell.end === null || spell.end >= end);
}

function rowOf(group: Group): IndicatorRow {
  const base = {
    indicator: group.indicator,
    unit: UNIT_OF.get(group.indicator) as Unit,
    regionLevel: group.regionLevel,
    regionCode: group.regionCode,
    period: group.period,
    breakdown: group.breakdown,
    numerator: null,
    denominator: null,
  };
  if (UNIT_OF.get(group.indicator) === 'days') {
    return {
      ...base,
      value: round(median(group.values) as number, 2),
      observations: group.values.length,
      p90: round(p90(group.values) as number, 2),
    };
  }
  return { ...base, value: group.keys.size, observations: null, p90: null };
}

/** Rows of one counted indicator: those of every breakdown, or `only` these, or all `except` these. */
interface Part {
  of: IndicatorId;
  only?: readonly string[];
  except?: readonly string[];
}

const holds = (part: Part, row: IndicatorRow): boolean =>
  row.indicator === part.of &&
  (part.only === undefined || (row.breakdown !== null && part.only.includes(row.breakdown))) &&
  (part.except === undefined || row.breakdown === null || !part.except.includes(row.breakdown));

/** A share per region and period from counted rows: the numerator's over the denominator's (which hold it). */
function shares(
  rows: readonly IndicatorRow[],
  indicator: IndicatorId,
  numerator: Part,
  denominator: readonly Part[],
): IndicatorRow[] {
  const byCell = new Map<string, { row: IndicatorRow; numerator: number; denominator: number }>();
  for (const row of rows) {
    if (!denominator.some((part) => holds(part, row))) continue;
    const id = `${row.regionLevel}\u0000${row.regionCode}\u0000${row.period}`;
    const cell = byCell.get(id) ?? { row, numerator: 0, denominator: 0 };
    if (holds(numerator, row)) cell.numerator += row.value;
    cell.denominator += row.value;
    byCell.set(id, cell);
  }
  return [...byCell.values()]
    .filter((cell) => cell.denominator > 0)
    .map(({ row, numerator, denominator }) => ({
      indicator,
      unit: 'share',
      regionLevel: row.regionLevel,
      regionCode: row.regionCode,
      period: row.period,
      breakdown: null,
      value: round(numerator / denominator, 4),
      numerator,
      denominator,
      observations: null,
      p90: null,
    }));
}

function byRowOrder(a: IndicatorRow, b: IndicatorRow): number {
  return (
    (ORDER.get(a.indicator) as number) - (ORDER.get(b.indicator) as number) ||
    compare(a.regionCode, b.regionCode) ||
    compare(a.period, b.period) ||
    compare(a.breakdown ?? '', b.breakdown ?? '')
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
