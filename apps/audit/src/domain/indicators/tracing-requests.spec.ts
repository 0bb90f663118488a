import { EVENT, type LedgerStep } from './indicator-events';
import { computeIndicators } from './indicators';
import { ask, id, person, returned, step, values } from './indicators.fixtures';

/** The sought relative of request r is person 100 + r: the subject of every event of the request. */
const sought = (r: number) => 100 + r;
const request = (r: number) => id('7777', r);

const registeredRequest = (r: number, at: string, officeId: string): LedgerStep =>
  step(EVENT.tracingRequestRegistered, sought(r), at, {
    tracingRequestId: request(r),
    officeId,
    registeredBy: officeId,
  });

const closedRequest = (r: number, at: string, officeId: string, outcome: 'found' | 'withdrawn'): LedgerStep =>
  step(EVENT.tracingRequestClosed, sought(r), at, {
    tracingRequestId: request(r),
    officeId,
    outcome,
    foundPersonId: null,
  });

/** A decision on the pair of request r and candidate p (a person found), by the request's office. */
const proposed = (r: number, p: number, at: string, officeId: string, probability = 0.8): LedgerStep =>
  step(EVENT.tracingMatchProposed, sought(r), at, {
    tracingRequestId: request(r),
    personId: person(p),
    officeId,
    probability,
  });

const rejected = (r: number, p: number, at: string, officeId: string): LedgerStep =>
  step(EVENT.tracingMatchRejected, sought(r), at, { tracingRequestId: request(r), personId: person(p), officeId });

const confirmed = (
  r: number,
  p: number,
  at: string,
  requestOfficeId: string,
  caseOfficeId: string,
  familyRegionCode = requestOfficeId.slice(7),
): LedgerStep =>
  step(EVENT.tracingMatchConfirmed, sought(r), at, {
    tracingRequestId: request(r),
    personId: person(p),
    caseId: id('cccc', p),
    caseOfficeId,
    requestOfficeId,
    familyRegionCode,
  });

describe("families' tracing requests", () => {
  const malang = 'dinsos-3507';
  const makassar = 'dinsos-7371';
  const steps = [
    // Request 1 (Malang): candidate 1 proposed, scored again, confirmed; candidate 2 proposed and rejected.
    registeredRequest(1, '2026-01-10T03:00:00Z', malang),
    proposed(1, 1, '2026-01-15T03:00:00Z', malang, 0.7),
    proposed(1, 1, '2026-02-02T03:00:00Z', malang, 0.9),
    proposed(1, 2, '2026-02-03T03:00:00Z', malang),
    rejected(1, 2, '2026-02-04T03:00:00Z', malang),
    confirmed(1, 1, '2026-02-10T03:00:00Z', malang, 'dinsos-3578'),
    // Person 1's case is Surabaya's, which returns them: 60 days after the family asked in Malang.
    returned(1, '2026-03-11T03:00:00Z', 'dinsos-3578'),
    closedRequest(1, '2026-03-12T03:00:00Z', malang, 'found'),
    // Request 2 (Malang): candidate 5 confirmed, then the family does not recognise them.
    registeredRequest(2, '2026-01-20T03:00:00Z', malang),
    proposed(2, 5, '2026-01-25T03:00:00Z', malang),
    confirmed(2, 5, '2026-02-15T03:00:00Z', malang, malang),
    rejected(2, 5, '2026-02-20T03:00:00Z', malang),
    returned(5, '2026-03-01T00:00:00Z', malang),
    // …then candidate 2 (rejected for request 1) confirmed, and returned as record 6, linked to 2.
    proposed(2, 2, '2026-02-25T03:00:00Z', malang),
    confirmed(2, 2, '2026-03-01T03:00:00Z', malang, malang),
    step(EVENT.personsLinked, 2, '2026-04-01T00:00:00Z', {
      survivorPersonId: person(2),
      linkedPersonId: person(6),
      decidedBy: malang,
    }),
    returned(6, '2026-04-20T03:00:00Z', malang),
    // Request 3 (Malang): withdrawn.
    registeredRequest(3, '2026-02-05T03:00:00Z', malang),
    closedRequest(3, '2026-03-10T03:00:00Z', malang, 'withdrawn'),
    // Request 4 (Makassar, WITA): 23:30 on 31 January in Malang is 00:30 on 1 February in Makassar.
    registeredRequest(4, '2026-01-31T16:30:00Z', makassar),
    proposed(4, 7, '2026-03-31T16:30:00Z', makassar),
    confirmed(4, 7, '2026-04-05T00:00:00Z', makassar, makassar),
    returned(7, '2026-04-10T00:00:00Z', makassar),
  ];
  const report = computeIndicators(steps, ask());

  it('counts the requests registered in a period, in the region of the office owning them, on its clock', () => {
    expect(values(report, 'tracing-requests-registered')).toEqual({
      '35 2026-01': 2,
      '35 2026-02': 1,
      '3507 2026-01': 2,
      '3507 2026-02': 1,
      '73 2026-02': 1,
      '7371 2026-02': 1,
    });
  });

  it('counts the requests open at the end of each period: registered before it, not closed before it', () => {
    const open = values(report, 'tracing-requests-open');
    // Requests 1 and 2 at January's end; 3 joins in February; 1 (found) and 3 (withdrawn) close in March.
    expect(Object.fromEntries(Object.entries(open).filter(([key]) => key.startsWith('3507 ')))).toEqual({
      '3507 2026-01': 2,
      '3507 2026-02': 3,
      '3507 2026-03': 1,
      '3507 2026-04': 1,
      '3507 2026-05': 1,
      '3507 2026-06': 1,
    });
    // Request 4 began after January's end in Makassar.
    expect(Object.keys(open).filter((key) => key.startsWith('7371 '))).toEqual([
      '7371 2026-02',
      '7371 2026-03',
      '7371 2026-04',
      '7371 2026-05',
      '7371 2026-06',
    ]);
  });

  it('counts pairs proposed (a new score is no new proposal), confirmed and rejected', () => {
    const matches = values(report, 'tracing-matches');
    const kabupatenKota = Object.entries(matches).filter(([key]) => /^\d{4} /.test(key));
    expect(Object.fromEntries(kabupatenKota)).toEqual({
      '3507 2026-01 proposed': 2,
      '3507 2026-02 confirmed': 2,
      '3507 2026-02 proposed': 2,
      '3507 2026-02 rejected': 2,
      '3507 2026-03 confirmed': 1,
      '7371 2026-04 confirmed': 1,
      '7371 2026-04 proposed': 1,
    });
    expect(matches['35 2026-02 proposed']).toBe(2);
    expect(matches['73 2026-04 proposed']).toBe(1);
  });

  it("times a family's wait from the request to the first return of the person confirmed, not since rejected", () => {
    const waits = report.rows
      .filter((row) => row.indicator === 'tracing-days-to-return' && row.regionLevel === 'kabupaten-kota')
      .map(({ regionCode, period, value, p90, observations }) => ({ regionCode, period, value, p90, observations }));
    expect(waits).toEqual([
      // Request 1: 10 January to 11 March, 21 + 28 + 11 days; in Malang, whose family asked.
      { regionCode: '3507', period: '2026-03', value: 60, p90: 60, observations: 1 },
      // Request 2: person 5's return does not count (rejected); person 2's, as record 6, on 20 April: 11 + 28 + 31 + 20.
      { regionCode: '3507', period: '2026-04', value: 90, p90: 90, observations: 1 },
      // Request 4: 16:30 on 31 January to 10 April (UTC): 7.5 hours and 68 days, 68.3125.
      { regionCode: '7371', period: '2026-04', value: 68.31, p90: 68.31, observations: 1 },
    ]);
    // The return itself counts where it was done.
    expect(values(report, 'persons-returned')['3578 2026-03']).toBe(1);
  });

  it('pools the waits of a year', () => {
    const year = computeIndicators(steps, ask({ by: 'year', region: '35' }));
    // [60, 90]: the median 75; p90 at rank 0.9, 60 + 0.9 × 30.
    expect(
      year.rows.filter((row) => row.indicator === 'tracing-days-to-return').map(({ value, p90 }) => ({ value, p90 })),
    ).toEqual([
      { value: 75, p90: 87 },
      { value: 75, p90: 87 },
    ]);
  });

  it('ties no return before the confirmation, and a person confirmed for two requests ends both waits', () => {
    const office = 'dinsos-3507';
    const edgeCases = [
      registeredRequest(9, '2026-01-01T00:00:00Z', office),
      returned(9, '2026-01-20T00:00:00Z', office),
      confirmed(9, 9, '2026-02-01T00:00:00Z', office, office),
      // Two relatives ask for the same person: 30 and 20 days.
      registeredRequest(10, '2026-01-01T00:00:00Z', office),
      registeredRequest(11, '2026-01-11T00:00:00Z', office),
      confirmed(10, 10, '2026-01-21T00:00:00Z', office, office),
      confirmed(11, 10, '2026-01-22T00:00:00Z', office, office),
      returned(10, '2026-01-31T00:00:00Z', office),
      // Picked up again and returned again: the wait ended at the first return.
      returned(10, '2026-03-31T00:00:00Z', office, 100),
    ];
    const waits = computeIndicators(edgeCases, ask({ region: '3507' })).rows.filter(
      (row) => row.indicator === 'tracing-days-to-return',
    );
    expect(waits).toEqual([expect.objectContaining({ period: '2026-01', value: 25, p90: 29, observations: 2 })]);
  });

  it('counts a request whose office tells no region in the family’s region once a confirmation names it', () => {
    const office = 'kemensos-pusat';
    const report = computeIndicators(
      [
        registeredRequest(12, '2026-01-05T00:00:00Z', office),
        confirmed(12, 12, '2026-02-05T00:00:00Z', office, 'dinsos-3301', '3301'),
      ],
      ask(),
    );
    expect(values(report, 'tracing-requests-registered')).toEqual({});
    expect(values(report, 'tracing-matches')).toEqual({ '33 2026-02 confirmed': 1, '3301 2026-02 confirmed': 1 });
    // The registration, and the request open at the end of January to June, fit no row.
    expect(report.notes).toContain('2 counted fact(s) named no region in any event and are in no row.');
  });
});
