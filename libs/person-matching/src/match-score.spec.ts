import { scoreMatch, type PersonDescription } from './match-score';

const sought: PersonDescription = {
  names: ['Bapak Soekarno Djojo'],
  sex: 'male',
  birthDate: '1975-02-01',
  regionCode: '3507',
  at: '2026-03-01T00:00:00Z',
  marks: ['bekas luka di pipi kiri', 'tato jangkar di lengan'],
};

describe('a match between a tracing request and a person found', () => {
  it('is near certain when names, sex, age, place, time and marks all agree', () => {
    const found: PersonDescription = {
      names: ['Sukarno Joyo'],
      sex: 'male',
      ageRange: { min: 45, max: 55 },
      regionCode: '350701',
      at: '2026-03-10T00:00:00Z',
      marks: ['luka di pipi kiri'],
    };
    const score = scoreMatch(sought, found);
    expect(score.probability).toBeGreaterThan(0.99);
    expect(score.evidence.map((e) => [e.field, e.level])).toEqual(
      expect.arrayContaining([
        ['name', 'same'],
        ['sex', 'agree'],
        ['age', 'within'],
        ['region', 'same-kabupaten'],
        ['time', 'within-a-month'],
      ]),
    );
    expect(score.evidence[0]?.field).toBe('name');
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
    expect(nothing.probability).toBeCloseTo(0.001, 9);
  });
});
