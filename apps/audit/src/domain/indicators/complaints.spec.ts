import { EVENT, type LedgerStep } from './indicator-events';
import { computeIndicators, type IndicatorReport } from './indicators';
import { ask, id, person, step, values } from './indicators.fixtures';

/** Complaint c is about person 20 + c. */
const complaint = (c: number) => ({ complaintId: id('9999', c), personId: person(20 + c) });

const filed = (
  c: number,
  at: string,
  kind: string,
  routing: { routedTo: string; filedBy: string },
  answerBy: string,
): LedgerStep =>
  step(EVENT.complaintFiled, 20 + c, at, { ...complaint(c), kind, subjectType: 'case', ...routing, answerBy, at });

const answered = (c: number, at: string, answeredBy: string): LedgerStep =>
  step(EVENT.complaintAnswered, 20 + c, at, { ...complaint(c), answeredBy, at });

const escalated = (c: number, at: string, fromAgencyId: string, routedTo: string, answerBy: string): LedgerStep =>
  step(EVENT.complaintEscalated, 20 + c, at, { ...complaint(c), fromAgencyId, routedTo, answerBy, at });

const closedComplaint = (c: number, at: string, outcome: 'resolved' | 'withdrawn'): LedgerStep =>
  step(EVENT.complaintClosed, 20 + c, at, { ...complaint(c), outcome, at });

const malang = { routedTo: 'dinsos-3507', filedBy: 'dinsos-3507' };

const steps = [
  // 1: answered at 23:30 WIB on its last day: on time.
  filed(1, '2026-03-02T02:00:00Z', 'delay', malang, '2026-03-16'),
  answered(1, '2026-03-16T16:30:00Z', 'dinsos-3507'),
  // 2: answered at 00:30 WIB the day after its last: late.
  filed(2, '2026-03-03T02:00:00Z', 'treatment', malang, '2026-03-17'),
  answered(2, '2026-03-17T17:30:00Z', 'dinsos-3507'),
  // 3: unanswered past 3 April, escalated to the province, which answers by its own deadline: on time.
  filed(3, '2026-03-20T02:00:00Z', 'not-returned', malang, '2026-04-03'),
  escalated(3, '2026-04-05T03:00:00Z', 'dinsos-3507', 'dinsos-35', '2026-04-12'),
  answered(3, '2026-04-11T03:00:00Z', 'dinsos-35'),
  // 4: routed to an RSJ (no region in its id), filed by Surabaya: Surabaya's. Overdue at April's
  // end at the RSJ, escalated, overdue at May's end at the next office, withdrawn in June.
  filed(4, '2026-04-01T02:00:00Z', 'delay', { routedTo: 'rsj-lawang', filedBy: 'dinsos-3578' }, '2026-04-15'),
  escalated(4, '2026-05-02T03:00:00Z', 'rsj-lawang', 'dinkes-35', '2026-05-09'),
  closedComplaint(4, '2026-06-10T03:00:00Z', 'withdrawn'),
  // 5: filed through the police at 00:30 WITA on 1 April; answered at 00:30 WITA the day after its
  // last (23:30 WIB, which would still be on time in Malang): late in Makassar.
  filed(5, '2026-03-31T16:30:00Z', 'other', { routedTo: 'dinsos-7371', filedBy: 'polres-makassar' }, '2026-04-14'),
  answered(5, '2026-04-14T16:30:00Z', 'dinsos-7371'),
  // 6: withdrawn before its deadline: never overdue, never answered.
  filed(6, '2026-02-25T02:00:00Z', 'delay', malang, '2026-03-11'),
  closedComplaint(6, '2026-03-05T02:00:00Z', 'withdrawn'),
  // 7: routed to a panti by a police post (neither id tells a region): the person's case was
  // Kabupaten Cilacap's. Overdue at March's end, answered late in April.
  step(EVENT.intakeRegistered, 27, '2026-01-05T00:00:00Z', {
    caseId: id('cccc', 27),
    caseNumber: 'x-27',
    officeId: 'dinsos-3301',
  }),
  filed(7, '2026-03-10T02:00:00Z', 'treatment', { routedTo: 'panti-a', filedBy: 'polsek-x' }, '2026-03-24'),
  answered(7, '2026-04-02T02:00:00Z', 'panti-a'),
];

const without = (report: IndicatorReport, indicator: string, prefix: string) =>
  Object.fromEntries(Object.entries(values(report, indicator)).filter(([key]) => !key.startsWith(prefix)));

describe("families' complaints", () => {
  const report = computeIndicators(steps, ask());

  it('counts complaints filed by kind, in the region of the agency first routed to, else the filer’s, else the person’s', () => {
    expect(values(report, 'complaints-filed')).toEqual({
      '33 2026-03 treatment': 1,
      '3301 2026-03 treatment': 1,
      '35 2026-02 delay': 1,
      '35 2026-03 delay': 1,
      '35 2026-03 not-returned': 1,
      '35 2026-03 treatment': 1,
      '35 2026-04 delay': 1,
      '3507 2026-02 delay': 1,
      '3507 2026-03 delay': 1,
      '3507 2026-03 not-returned': 1,
      '3507 2026-03 treatment': 1,
      '3578 2026-04 delay': 1,
      '73 2026-04 other': 1,
      '7371 2026-04 other': 1,
    });
  });

  it('judges an answer by the deadline in force then, on the clock of the region the complaint counts in', () => {
    expect(without(report, 'complaints-answered', '3')).toEqual({
      '7371 2026-04 late': 1,
      '73 2026-04 late': 1,
    });
    expect(without(report, 'complaints-answered', '7')).toEqual({
      '33 2026-04 late': 1,
      '3301 2026-04 late': 1,
      '35 2026-03 late': 1,
      '35 2026-03 on-time': 1,
      '35 2026-04 on-time': 1,
      '3507 2026-03 late': 1,
      '3507 2026-03 on-time': 1,
      '3507 2026-04 on-time': 1,
    });
  });

  it('counts the complaints overdue at the end of each period, by the agency they wait on, and the escalations', () => {
    expect(values(report, 'complaints-overdue')).toEqual({
      '33 2026-03 panti-a': 1,
      '3301 2026-03 panti-a': 1,
      '35 2026-04 rsj-lawang': 1,
      '35 2026-05 dinkes-35': 1,
      '3578 2026-04 rsj-lawang': 1,
      '3578 2026-05 dinkes-35': 1,
    });
    expect(values(report, 'complaints-escalated')).toEqual({
      '35 2026-04': 1,
      '35 2026-05': 1,
      '3507 2026-04': 1,
      '3578 2026-05': 1,
    });
  });

  it('gives the share answered on time among the answers of the period and the complaints overdue at its end', () => {
    const shares = report.rows
      .filter((row) => row.indicator === 'complaints-on-time-share')
      .map(({ regionCode, period, value, numerator, denominator }) => [
        `${regionCode} ${period}`,
        `${value} = ${numerator}/${denominator}`,
      ]);
    expect(Object.fromEntries(shares)).toEqual({
      '33 2026-03': '0 = 0/1',
      '33 2026-04': '0 = 0/1',
      '3301 2026-03': '0 = 0/1',
      '3301 2026-04': '0 = 0/1',
      // March: 1 on time, 2 late; April: 3 on time, 4 overdue at the RSJ; May: 4 overdue again.
      '35 2026-03': '0.5 = 1/2',
      '35 2026-04': '0.5 = 1/2',
      '35 2026-05': '0 = 0/1',
      '3507 2026-03': '0.5 = 1/2',
      '3507 2026-04': '1 = 1/1',
      '3578 2026-04': '0 = 0/1',
      '3578 2026-05': '0 = 0/1',
      '73 2026-04': '0 = 0/1',
      '7371 2026-04': '0 = 0/1',
    });
  });

  it('counts a year’s answers against what is overdue at its end', () => {
    const year = computeIndicators(steps, ask({ by: 'year', region: '35' }));
    // 1 and 3 on time, 2 late; 4 was withdrawn before June's end, so nothing is overdue then.
    expect(year.rows.find((row) => row.indicator === 'complaints-on-time-share' && row.regionCode === '35')).toEqual(
      expect.objectContaining({ period: '2026', value: 0.6667, numerator: 2, denominator: 3 }),
    );
    expect(values(year, 'complaints-overdue')).toEqual({});
  });

  it('names neither a person nor a complaint', () => {
    const text = JSON.stringify(report);
    for (let c = 1; c <= 7; c += 1) {
      expect(text).not.toContain(complaint(c).complaintId);
      expect(text).not.toContain(complaint(c).personId);
    }
  });
});
