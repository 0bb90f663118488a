import { EVENT, type LedgerStep } from './indicator-events';
import { computeIndicators, EVENT_GAPS } from './indicators';
import { ask, id, person, returned, step, values } from './indicators.fixtures';

const registered = (p: number, at: string, officeId: string, caseN = p): LedgerStep =>
  step(EVENT.intakeRegistered, p, at, { caseId: id('cccc', caseN), caseNumber: `x-${caseN}`, officeId });

const closed = (p: number, at: string, officeId: string, outcome: string, caseN = p): LedgerStep =>
  step(EVENT.caseClosed, p, at, {
    reunificationId: id('aaaa', caseN),
    caseId: id('cccc', caseN),
    officeId,
    outcome,
    at,
  });

describe('persons returned to their families', () => {
  const steps = [
    returned(1, '2026-03-21T03:00:00Z', 'dinsos-3507'),
    returned(2, '2026-03-05T03:00:00Z', 'dinsos-3578'),
    returned(3, '2026-04-02T03:00:00Z', 'dinsos-3507'),
    // Person 4 is person 1 picked up again and linked: returned again in March, still one person.
    step(EVENT.personsLinked, 1, '2026-03-25T00:00:00Z', {
      survivorPersonId: person(1),
      linkedPersonId: person(4),
      decidedBy: 'dinsos-3507',
    }),
    returned(4, '2026-03-28T03:00:00Z', 'dinsos-3507', 44),
  ];

  it('counts persons once a month in the kabupaten/kota of the office that returned them, and in its province', () => {
    expect(values(computeIndicators(steps, ask()), 'persons-returned')).toEqual({
      '35 2026-03': 2,
      '35 2026-04': 1,
      '3507 2026-03': 1,
      '3507 2026-04': 1,
      '3578 2026-03': 1,
    });
  });

  it('counts a person once a year, however many returns and records', () => {
    expect(values(computeIndicators(steps, ask({ by: 'year' })), 'persons-returned')).toEqual({
      '35 2026': 3,
      '3507 2026': 2,
      '3578 2026': 1,
    });
  });

  it('keeps to the asked region: a kabupaten/kota alone, a province with its kabupaten/kota', () => {
    expect(values(computeIndicators(steps, ask({ region: '3578' })), 'persons-returned')).toEqual({
      '3578 2026-03': 1,
    });
    expect(Object.keys(values(computeIndicators(steps, ask({ region: '35' })), 'persons-returned'))).toHaveLength(5);
    expect(computeIndicators(steps, ask({ region: '36' })).rows).toEqual([]);
  });

  it('reads the month on the clock of the region: 23:30 WIB is still March, 00:30 WITA is April', () => {
    const at = '2026-03-31T16:30:00Z';
    const report = computeIndicators([returned(1, at, 'dinsos-3507'), returned(2, at, 'dinsos-7371')], ask());
    expect(values(report, 'persons-returned')).toEqual({
      '35 2026-03': 1,
      '3507 2026-03': 1,
      '73 2026-04': 1,
      '7371 2026-04': 1,
    });
  });

  it('names no person anywhere in the answer', () => {
    const text = JSON.stringify(computeIndicators(steps, ask()));
    for (const n of [1, 2, 3, 4]) expect(text).not.toContain(person(n));
  });
});

describe('cases closed and the share returned', () => {
  const steps = [
    closed(1, '2026-03-02T03:00:00Z', 'dinsos-3507', 'reunified'),
    closed(2, '2026-03-03T03:00:00Z', 'dinsos-3507', 'reunified'),
    closed(3, '2026-03-04T03:00:00Z', 'dinsos-3507', 'died'),
    closed(4, '2026-03-05T03:00:00Z', 'dinsos-3507', 'transferred'),
    closed(5, '2026-04-05T03:00:00Z', 'dinsos-3507', 'transferred'),
  ];

  it('counts closures by outcome, and the reunified share of those not transferred', () => {
    const report = computeIndicators(steps, ask({ region: '3507' }));
    expect(values(report, 'cases-closed')).toEqual({
      '3507 2026-03 died': 1,
      '3507 2026-03 reunified': 2,
      '3507 2026-03 transferred': 1,
      '3507 2026-04 transferred': 1,
    });
    const share = report.rows.filter((row) => row.indicator === 'returned-share-of-closed');
    // April closed only a transferred case: no share to give.
    expect(share).toEqual([
      expect.objectContaining({ period: '2026-03', value: 0.6667, numerator: 2, denominator: 3, unit: 'share' }),
    ]);
  });
});

describe('time per stage', () => {
  const office = 'dinsos-3507';
  const caseOf = (p: number) => ({ caseId: id('cccc', p), officeId: office });
  const steps = [
    // Person 1: from the hand-over (1 Jan) to the assessment (11 Jan): 10 days, though registered on 2 Jan.
    step(EVENT.personHandedOver, 1, '2026-01-01T00:00:00Z', {
      pickupId: id('bbbb', 1),
      officeId: office,
      receivedAt: '2026-01-01T00:00:00Z',
    }),
    registered(1, '2026-01-02T00:00:00Z', office),
    step(EVENT.assessmentCompleted, 1, '2026-01-11T00:00:00Z', { ...caseOf(1), decision: 'rsj', rsjId: 'rsj-lawang' }),
    // Person 2: no hand-over (came in on their own): from the registration, 20 days.
    registered(2, '2026-01-01T00:00:00Z', office),
    step(EVENT.assessmentCompleted, 2, '2026-01-21T00:00:00Z', { ...caseOf(2), decision: 'home' }),
    // A second assessment of the same case ends nothing more.
    step(EVENT.assessmentCompleted, 2, '2026-01-25T00:00:00Z', { ...caseOf(2), decision: 'home' }),
    // Person 3: handed over in December, assessed in January: 40 days, counted in January.
    step(EVENT.personHandedOver, 3, '2025-12-01T00:00:00Z', {
      pickupId: id('bbbb', 3),
      officeId: office,
      receivedAt: '2025-12-01T00:00:00Z',
    }),
    registered(3, '2025-12-02T00:00:00Z', office),
    step(EVENT.assessmentCompleted, 3, '2026-01-10T00:00:00Z', {
      ...caseOf(3),
      decision: 'panti',
      pantiId: 'panti-a',
    }),
    // Person 1 in the RSJ: 20 Jan to 1 Mar, 40 days; discharged to the family.
    step(EVENT.patientAdmitted, 1, '2026-01-20T00:00:00Z', {
      referralId: id('dddd', 1),
      caseId: id('cccc', 1),
      rsjId: 'rsj-lawang',
      admittedAt: '2026-01-20T00:00:00Z',
    }),
    step(EVENT.patientDischarged, 1, '2026-03-01T00:00:00Z', {
      referralId: id('dddd', 1),
      caseId: id('cccc', 1),
      rsjId: 'rsj-lawang',
      officeId: office,
      dischargedAt: '2026-03-01T00:00:00Z',
      recommendation: 'family',
    }),
    // …and home 20 days after the discharge that started tracing.
    returned(1, '2026-03-21T00:00:00Z', office),
    // Person 3 in a panti: 1 Feb to 2 Apr, 60 days, then ready to return: home 10 days later.
    step(EVENT.placementRequested, 3, '2026-01-10T00:00:00Z', {
      placementId: id('eeee', 3),
      caseId: id('cccc', 3),
      pantiId: 'panti-a',
      officeId: office,
      kind: 'rehabilitation',
    }),
    step(EVENT.placedInPanti, 3, '2026-02-01T00:00:00Z', {
      placementId: id('eeee', 3),
      caseId: id('cccc', 3),
      pantiId: 'panti-a',
      admittedAt: '2026-02-01T00:00:00Z',
    }),
    step(EVENT.rehabilitationTerminated, 3, '2026-04-02T00:00:00Z', {
      placementId: id('eeee', 3),
      caseId: id('cccc', 3),
      pantiId: 'panti-a',
      officeId: office,
      reason: 'ready-to-return',
      at: '2026-04-02T00:00:00Z',
    }),
    returned(3, '2026-04-12T00:00:00Z', office),
    // Person 5's long-term placement is no rehabilitation stay.
    step(EVENT.placementRequested, 5, '2026-01-10T00:00:00Z', {
      placementId: id('eeee', 5),
      caseId: id('cccc', 5),
      pantiId: 'panti-a',
      officeId: office,
      kind: 'long-term',
    }),
    step(EVENT.placedInPanti, 5, '2026-01-11T00:00:00Z', {
      placementId: id('eeee', 5),
      caseId: id('cccc', 5),
      pantiId: 'panti-a',
      admittedAt: '2026-01-11T00:00:00Z',
    }),
    step(EVENT.rehabilitationTerminated, 5, '2026-04-01T00:00:00Z', {
      placementId: id('eeee', 5),
      caseId: id('cccc', 5),
      pantiId: 'panti-a',
      officeId: office,
      reason: 'died',
      at: '2026-04-01T00:00:00Z',
    }),
  ];

  it('gives the median, the 90th percentile and the number of stays ended in the period, in days', () => {
    const report = computeIndicators(steps, ask({ region: '3507' }));
    const stages = report.rows
      .filter((row) => row.indicator === 'stage-days')
      .map(({ period, breakdown, value, p90, observations }) => ({ period, breakdown, value, p90, observations }));
    expect(stages).toEqual([
      // [10, 20, 40]: the median 20; p90 at rank 1.8, 20 + 0.8 × 20.
      { period: '2026-01', breakdown: 'intake', value: 20, p90: 36, observations: 3 },
      { period: '2026-03', breakdown: 'reunification', value: 20, p90: 20, observations: 1 },
      { period: '2026-03', breakdown: 'treatment', value: 40, p90: 40, observations: 1 },
      { period: '2026-04', breakdown: 'rehabilitation', value: 60, p90: 60, observations: 1 },
      { period: '2026-04', breakdown: 'reunification', value: 10, p90: 10, observations: 1 },
    ]);
  });

  it('pools the stays of a year', () => {
    const report = computeIndicators(steps, ask({ region: '3507', by: 'year' }));
    const reunification = report.rows.find(
      (row) => row.indicator === 'stage-days' && row.breakdown === 'reunification',
    );
    // [10, 20]: median 15, p90 at rank 0.9: 10 + 0.9 × 10.
    expect(reunification).toMatchObject({ period: '2026', value: 15, p90: 19, observations: 2 });
  });

  it('reads the steps in the order they happened: an assessment dated before the registration ends no intake', () => {
    const report = computeIndicators(
      [
        registered(9, '2026-02-10T00:00:00Z', office),
        step(EVENT.assessmentCompleted, 9, '2026-02-09T00:00:00Z', { ...caseOf(9), decision: 'home' }),
      ],
      ask(),
    );
    expect(values(report, 'stage-days')).toEqual({});
  });
});

describe('declines by reason', () => {
  const referral = (p: number) => ({
    referralId: id('dddd', p),
    caseId: id('cccc', p),
    rsjId: 'rsj-lawang',
  });
  const steps = [
    ...[1, 2].flatMap((p) => [
      step(EVENT.rsjReferralRequested, p, '2026-02-01T00:00:00Z', {
        ...referral(p),
        officeId: 'dinsos-3507',
        guaranteeKind: 'bpjs-pbi',
      }),
      step(EVENT.rsjReferralDeclined, p, '2026-02-02T00:00:00Z', {
        ...referral(p),
        reason: 'no-bed',
      }),
    ]),
    step(EVENT.rsjReferralRequested, 3, '2026-02-01T00:00:00Z', {
      ...referral(3),
      officeId: 'dinsos-3578',
      guaranteeKind: 'sktm',
    }),
    step(EVENT.rsjReferralDeclined, 3, '2026-03-02T00:00:00Z', {
      ...referral(3),
      reason: 'not-indicated',
    }),
    step(EVENT.placementRequested, 4, '2026-02-01T00:00:00Z', {
      placementId: id('eeee', 4),
      caseId: id('cccc', 4),
      pantiId: 'panti-a',
      officeId: 'dinsos-3578',
      kind: 'rehabilitation',
    }),
    step(EVENT.placementDeclined, 4, '2026-02-03T00:00:00Z', {
      placementId: id('eeee', 4),
      caseId: id('cccc', 4),
      pantiId: 'panti-a',
      reason: 'full',
    }),
  ];

  it('counts them in the region of the office that asked, in the month declined', () => {
    const report = computeIndicators(steps, ask());
    expect(values(report, 'rsj-referral-declines')).toEqual({
      '35 2026-02 no-bed': 2,
      '35 2026-03 not-indicated': 1,
      '3507 2026-02 no-bed': 2,
      '3578 2026-03 not-indicated': 1,
    });
    expect(values(report, 'placement-declines')).toEqual({ '35 2026-02 full': 1, '3578 2026-02 full': 1 });
  });
});

describe('residents per panti', () => {
  const placement = (p: number, pantiId: string) => ({ placementId: id('eeee', p), caseId: id('cccc', p), pantiId });
  const steps = [
    registered(1, '2026-01-02T00:00:00Z', 'dinsos-3507'),
    step(EVENT.placedInPanti, 1, '2026-01-10T00:00:00Z', {
      ...placement(1, 'panti-a'),
      admittedAt: '2026-01-10T00:00:00Z',
    }),
    // Back from the RSJ after a relapse: the same stay goes on.
    step(EVENT.placedInPanti, 1, '2026-02-15T00:00:00Z', {
      ...placement(1, 'panti-a'),
      admittedAt: '2026-02-15T00:00:00Z',
    }),
    step(EVENT.rehabilitationTerminated, 1, '2026-03-15T00:00:00Z', {
      ...placement(1, 'panti-a'),
      officeId: 'dinsos-3507',
      reason: 'ready-to-return',
      at: '2026-03-15T00:00:00Z',
    }),
    registered(2, '2026-02-01T00:00:00Z', 'dinsos-3507'),
    step(EVENT.placedInPanti, 2, '2026-02-20T00:00:00Z', {
      ...placement(2, 'panti-a'),
      admittedAt: '2026-02-20T00:00:00Z',
    }),
  ];

  it('counts residents at the end of each month, and admissions and stays ended in it', () => {
    const report = computeIndicators(steps, ask({ region: '3507', to: '2026-03' }));
    expect(values(report, 'panti-residents')).toEqual({
      '3507 2026-01 panti-a': 1,
      '3507 2026-02 panti-a': 2,
      '3507 2026-03 panti-a': 1,
    });
    expect(values(report, 'panti-admissions')).toEqual({
      '3507 2026-01 panti-a': 1,
      '3507 2026-02 panti-a': 1,
    });
    expect(values(report, 'panti-terminations')).toEqual({ '3507 2026-03 panti-a': 1 });
    expect(report.notes.some((note) => note.includes('capacity'))).toBe(true);
  });
});

describe('caseload per office', () => {
  const steps = [
    registered(1, '2026-01-05T00:00:00Z', 'dinsos-3507'),
    step(EVENT.caseTransferAccepted, 1, '2026-02-10T00:00:00Z', {
      caseId: id('cccc', 1),
      fromOfficeId: 'dinsos-3507',
      toOfficeId: 'dinsos-3578',
    }),
    closed(1, '2026-03-20T00:00:00Z', 'dinsos-3578', 'reunified'),
    // 18:00 UTC on 31 January is 1 February in Malang: not open at January's end.
    registered(2, '2026-01-31T18:00:00Z', 'dinsos-3507'),
  ];

  it('counts the open cases of each owning office at the end of each period', () => {
    expect(values(computeIndicators(steps, ask({ to: '2026-03' })), 'caseload')).toEqual({
      '35 2026-01 dinsos-3507': 1,
      '35 2026-02 dinsos-3507': 1,
      '35 2026-02 dinsos-3578': 1,
      '35 2026-03 dinsos-3507': 1,
      '3507 2026-01 dinsos-3507': 1,
      '3507 2026-02 dinsos-3507': 1,
      '3507 2026-03 dinsos-3507': 1,
      '3578 2026-02 dinsos-3578': 1,
    });
  });

  it('counts at the end of the asked months in a year', () => {
    expect(values(computeIndicators(steps, ask({ to: '2026-02', by: 'year', region: '3578' })), 'caseload')).toEqual({
      '3578 2026 dinsos-3578': 1,
    });
  });
});

describe('follow-up visits', () => {
  const visit = (p: number, n: number) => ({
    reunificationId: id('aaaa', p),
    caseId: id('cccc', p),
    officeId: 'dinsos-3507',
    visit: n,
  });
  const steps = [
    step(EVENT.followUpCompleted, 1, '2026-04-21T03:00:00Z', { ...visit(1, 1), at: '2026-04-21T03:00:00Z' }),
    step(EVENT.followUpCompleted, 2, '2026-04-22T03:00:00Z', { ...visit(2, 1), at: '2026-04-22T03:00:00Z' }),
    step(EVENT.followUpMissed, 1, '2026-07-02T03:00:00Z', { ...visit(1, 2), dueOn: '2026-06-21' }),
    step(EVENT.followUpMissed, 2, '2026-05-02T03:00:00Z', { ...visit(2, 2), dueOn: '2026-04-30' }),
  ];

  it('counts completed visits by their day and missed ones by their due day, and the share done', () => {
    const report = computeIndicators(steps, ask({ region: '3507' }));
    expect(values(report, 'follow-ups')).toEqual({
      '3507 2026-04 completed': 2,
      '3507 2026-04 missed': 1,
      '3507 2026-06 missed': 1,
    });
    expect(
      report.rows
        .filter((row) => row.indicator === 'follow-ups-done-share')
        .map(({ period, value, numerator, denominator }) => ({ period, value, numerator, denominator })),
    ).toEqual([
      { period: '2026-04', value: 0.6667, numerator: 2, denominator: 3 },
      { period: '2026-06', value: 0, numerator: 0, denominator: 1 },
    ]);
  });
});

describe('which region counts', () => {
  it("falls back from an office's id to the pickup's region, then to the region of origin, else to none", () => {
    const steps = [
      // An office whose id tells no region: the pickup in kecamatan 357801 counts in 3578.
      step(EVENT.pickupReported, 1, '2026-01-01T00:00:00Z', {
        pickupId: id('bbbb', 1),
        unitId: 'satpolpp-3578',
        foundAt: '2026-01-01T00:00:00Z',
        regionCode: '357801',
        circumstances: 'wandering',
      }),
      returned(1, '2026-02-01T00:00:00Z', 'lks-harapan'),
      // No pickup: the region of origin.
      step(EVENT.personIdentified, 2, '2026-01-01T00:00:00Z', { caseId: id('cccc', 2), originRegionCode: '3301' }),
      returned(2, '2026-02-01T00:00:00Z', 'lks-harapan'),
      // Nothing at all.
      returned(3, '2026-02-01T00:00:00Z', 'lks-harapan'),
    ];
    const report = computeIndicators(steps, ask());
    expect(values(report, 'persons-returned')).toEqual({
      '33 2026-02': 1,
      '3301 2026-02': 1,
      '35 2026-02': 1,
      '3578 2026-02': 1,
    });
    expect(report.notes).toContain('1 counted fact(s) named no region in any event and are in no row.');
    // An office reading its own region hears nothing of the rest of the country.
    expect(computeIndicators(steps, ask({ region: '3578' })).notes).toEqual(EVENT_GAPS);
  });

  it('prefers the office that owned the case to where the person was found', () => {
    const steps = [
      step(EVENT.pickupReported, 1, '2026-01-01T00:00:00Z', {
        pickupId: id('bbbb', 1),
        unitId: 'satpolpp-3578',
        foundAt: '2026-01-01T00:00:00Z',
        regionCode: '357801',
        circumstances: 'wandering',
      }),
      registered(1, '2026-01-02T00:00:00Z', 'dinsos-3578'),
      step(EVENT.caseTransferAccepted, 1, '2026-01-20T00:00:00Z', {
        caseId: id('cccc', 1),
        fromOfficeId: 'dinsos-3578',
        toOfficeId: 'dinsos-3507',
      }),
      returned(1, '2026-02-01T00:00:00Z', 'dinsos-3507'),
    ];
    expect(values(computeIndicators(steps, ask({ region: '35' })), 'persons-returned')).toEqual({
      '35 2026-02': 1,
      '3507 2026-02': 1,
    });
  });
});

describe('the answer', () => {
  it('lists its periods and what the events lack, and rows only where something was counted', () => {
    const report = computeIndicators([], ask({ from: '2026-11', to: '2027-02' }));
    expect(report).toEqual({
      from: '2026-11',
      to: '2027-02',
      by: 'month',
      region: null,
      periods: ['2026-11', '2026-12', '2027-01', '2027-02'],
      rows: [],
      notes: EVENT_GAPS,
    });
  });
});
