import {
  candidatePrior,
  DEFAULT_PRIOR,
  estimateU,
  EXPECTED_MATCHES_PER_PROBE,
  scoreMatch,
  type PersonDescription,
} from './match-score';

const sought: PersonDescription = {
  names: ['Bapak Soekarno Djojo'],
  sex: 'male',
  birthDate: '1975-02-01',
  regionCode: '3507',
  at: '2026-03-01T00:00:00Z',
  marks: ['bekas luka di pipi kiri', 'tato jangkar di lengan'],
};

describe('a match between a tracing request and a person found', () => {
  it('is near certain when names, sex, age, place, time and marks all agree, even among a full list of namesakes', () => {
    const found: PersonDescription = {
      names: ['Sukarno Joyo'],
      sex: 'male',
      ageRange: { min: 45, max: 55 },
      regionCode: '350701',
      at: '2026-03-10T00:00:00Z',
      marks: ['luka di pipi kiri'],
    };
    const score = scoreMatch(sought, found);
    expect(score.probability).toBeGreaterThan(0.95);
    expect(scoreMatch(sought, found, { candidates: 20 }).probability).toBeGreaterThan(0.99);
    expect(score.evidence.map((e) => [e.field, e.level])).toEqual(
      expect.arrayContaining([
        ['name', 'same'],
        ['sex', 'agree'],
        ['age', 'within'],
        ['region', 'same-kabupaten'],
        ['time', 'within-a-month'],
      ]),
    );
    // The weightiest first. Among candidates, which share a name's sound by construction, the same name
    // says less than being found within the month.
    const weights = score.evidence.map((e) => Math.abs(e.weight));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(score.evidence[0]?.field).toBe('time');
  });

  it('is a probability of its own, not a rank: one weak candidate stays weak', () => {
    const weak = scoreMatch(sought, { names: ['Joko'], sex: 'male', regionCode: '3578' });
    expect(weak.probability).toBeLessThan(0.01);
  });

  it('is less likely found far away long after, not impossible', () => {
    const near = scoreMatch(sought, {
      names: ['Sukarno'],
      sex: 'male',
      regionCode: '3507',
      at: '2026-03-20T00:00:00Z',
    });
    const far = scoreMatch(sought, { names: ['Sukarno'], sex: 'male', regionCode: '3171', at: '2028-06-01T00:00:00Z' });
    expect(far.probability).toBeLessThan(near.probability);
    expect(far.probability).toBeGreaterThan(0);
    expect(far.evidence.map((e) => e.level)).toEqual(expect.arrayContaining(['elsewhere', 'later']));
  });

  it('is settled by equal NIKs, and strongly doubted by different ones', () => {
    const withNik = { ...sought, nik: '3507010102750001' };
    expect(scoreMatch(withNik, { names: [], nik: '3507010102750001' }).probability).toBeGreaterThan(0.99);
    const other = scoreMatch(withNik, { names: ['Sukarno Joyo'], sex: 'male', nik: '3507010102750002' });
    expect(other.probability).toBeLessThan(scoreMatch(sought, { names: ['Sukarno Joyo'], sex: 'male' }).probability);
  });

  it('counts a woman against a man, and nothing for what either side does not know', () => {
    expect(scoreMatch(sought, { names: ['Sukarno'], sex: 'female' }).probability).toBeLessThan(
      scoreMatch(sought, { names: ['Sukarno'] }).probability,
    );
    const nothing = scoreMatch({ names: [] }, { names: [] });
    expect(nothing.evidence).toEqual([]);
    expect(nothing.probability).toBeCloseTo(DEFAULT_PRIOR, 9);
  });

  it('ages an age range stated when last seen by the time until found, as it ages a birth date', () => {
    const lost: PersonDescription = { names: [], ageRange: { min: 30, max: 32 }, at: '2019-05-01' };
    const ageOf = (found: PersonDescription) => scoreMatch(lost, found).evidence.find((e) => e.field === 'age')?.level;
    // Six years on, 30–32 is 36–38 (39 at most, ages being whole years).
    expect(ageOf({ names: [], ageRange: { min: 36, max: 40 }, at: '2025-06-01' })).toBe('within');
    expect(ageOf({ names: [], ageRange: { min: 39, max: 40 }, at: '2025-06-01' })).toBe('within');
    expect(ageOf({ names: [], ageRange: { min: 28, max: 32 }, at: '2025-06-01' })).toBe('near');
    expect(ageOf({ names: [], ageRange: { min: 28, max: 32 }, at: '2019-05-20' })).toBe('within');
    expect(ageOf({ names: [], birthDate: '1987-01-01', at: '2025-06-01' })).toBe('within');
    // A range with no date to age from is taken as it is.
    expect(
      scoreMatch({ names: [], ageRange: { min: 30, max: 32 } }, { names: [], ageRange: { min: 31, max: 33 } })
        .evidence[0]?.level,
    ).toBe('within');
  });

  it('counts an initial for the word it may stand for, and drops Balinese and Batak particles', () => {
    const nameLevel = (a: string, b: string) =>
      scoreMatch({ names: [a] }, { names: [b] }).evidence.find((e) => e.field === 'name')?.level;
    expect(nameLevel('Rotua br. Siregar', 'Rotua Siregar')).toBe('same');
    expect(nameLevel('Ni Made Sukerti', 'Made Sukerti')).toBe('same');
    expect(nameLevel('M. Rizki', 'Muhammad Rizki')).toBe('alike');
    expect(nameLevel('Moch. Rizki', 'Muhammad Rizki')).toBe('same');
  });
});

describe('the prior of a candidate pair', () => {
  it('spreads the expected true partners of a probe over its candidates', () => {
    expect(candidatePrior(100)).toBeCloseTo(EXPECTED_MATCHES_PER_PROBE / 100, 12);
    expect(candidatePrior(0)).toBe(candidatePrior(1));
    expect(candidatePrior(1)).toBeLessThanOrEqual(0.5);
    expect(DEFAULT_PRIOR).toBe(candidatePrior(200));
  });

  it('makes one of few candidates likelier than one of many, on the same evidence', () => {
    const found: PersonDescription = { names: ['Sukarno'], sex: 'male', regionCode: '3507', at: '2026-03-20' };
    const few = scoreMatch(sought, found, { candidates: 3 }).probability;
    const many = scoreMatch(sought, found, { candidates: 200 }).probability;
    expect(few).toBeGreaterThan(many);
    expect(scoreMatch(sought, found).probability).toBeCloseTo(many, 12);
    // A number is the prior of the pair itself, as before.
    expect(scoreMatch({ names: [] }, { names: [] }, 0.02).probability).toBeCloseTo(0.02, 12);
  });
});

describe('estimating u from candidate pairs', () => {
  it('gives each level its share among the pairs where both sides know the field', () => {
    const u = estimateU([
      [
        { names: ['Siti Aminah'], sex: 'female' },
        { names: ['Siti Aminah'], sex: 'female' },
      ],
      [
        { names: ['Siti Aminah'], sex: 'female' },
        { names: ['Siti Rahayu'], sex: 'male' },
      ],
      [{ names: ['Siti'] }, { names: ['Budi Santoso'] }],
      [{ names: [] }, { names: ['Siti'] }],
    ]);
    expect(u.name).toEqual({ same: 1 / 3, alike: 0, contained: 0, 'one-name-shared': 1 / 3, different: 1 / 3 });
    expect(u.sex).toEqual({ agree: 0.5, disagree: 0.5 });
    expect(u.age).toEqual({ within: 0, near: 0, far: 0 });
  });
});
