import {
  BLOCKING_KEY_WEIGHTS,
  blockingKeys,
  blockingKeyWeight,
  CandidateIndex,
  DEFAULT_CANDIDATE_LIMIT,
  selectCandidates,
} from './blocking';
import type { PersonDescription } from './match-score';

describe('blocking keys', () => {
  it('are the NIK, each name word by its sound, each within the province, and the kabupaten', () => {
    expect(blockingKeys({ names: ['Hj. Siti Aminah'], nik: '3507.0141.0275.0001', regionCode: '350704' })).toEqual([
      'nik:3507014102750001',
      'name:siti',
      'name:amina',
      'name@35:siti',
      'name@35:amina',
      'place:3507',
    ]);
  });

  it('are shared by a name however it is written: old spelling, another written form, honorifics', () => {
    const shared = (a: string, b: string) => {
      const left = new Set(blockingKeys({ names: [a] }));
      return blockingKeys({ names: [b] }).filter((key) => left.has(key));
    };
    expect(shared('Bapak Soekarno', 'Sukarno')).toEqual(['name:sukarnu']);
    expect(shared('Mochamad Rizky', 'Muhammad Rizki')).toHaveLength(2);
    expect(shared('Djoko Tjahjono', 'Joko Cahyono')).toHaveLength(2);
    expect(shared('Agus Setiawan', 'Budi Santoso')).toEqual([]);
  });

  it('leave out words that name nobody: initials, Balinese and Batak particles, placeholders, numbers', () => {
    expect(blockingKeys({ names: ['I Wayan Sudarsana'] })).toEqual(['name:wajan', 'name:sudarsana']);
    expect(blockingKeys({ names: ['Rotua br. Siregar'] })).toEqual(['name:rutua', 'name:sirigar']);
    expect(blockingKeys({ names: ['M. Rizki'] })).toEqual(['name:rizki']);
    expect(blockingKeys({ names: ['Mr. X', 'Orang Tanpa Nama', 'Orang 12', 'Pak'] })).toEqual([]);
  });

  it('take a NIK only when it has 16 digits, and a place only from a kabupaten code', () => {
    expect(blockingKeys({ names: [], nik: '35070101' })).toEqual([]);
    expect(blockingKeys({ names: ['Slamet'], regionCode: '35' })).toEqual(['name:slamit', 'name@35:slamit']);
    expect(blockingKeys({ names: [], regionCode: '3507' })).toEqual(['place:3507']);
  });

  it('weigh a NIK above everything else a description can share', () => {
    const many: PersonDescription = {
      names: ['Muhammad Ahmad Rizki Ridwan', 'Hidayat Saleh'],
      regionCode: '3507',
      sex: 'male',
    };
    const total = blockingKeys(many).reduce((sum, key) => sum + blockingKeyWeight(key), 0);
    expect(BLOCKING_KEY_WEIGHTS.nik).toBeGreaterThan(total);
    expect(() => blockingKeyWeight('sex:male')).toThrow(/not a blocking key/);
  });
});

describe('candidate selection', () => {
  const index = new CandidateIndex();
  const add = (id: string, description: PersonDescription) => index.add(id, blockingKeys(description));
  add('r5', { names: ['Siti Aminah'], regionCode: '3507' });
  add('r4', { names: ['Siti Rahayu'], regionCode: '3171' });
  add('r3', { names: ['Siti'], regionCode: '3273' });
  add('r2', { names: ['Sri Wahyuni'], regionCode: '3507' });
  add('r1', { names: ['Bambang'], nik: '3507010101700001', regionCode: '1275' });
  add('r0', { names: ['Aminah Siti'], regionCode: '3171' });

  it('ranks by the weights shared: a NIK, then more names, then a name in the same place, ties by id', () => {
    const probe: PersonDescription = { names: ['Bu Siti Aminah'], nik: '3507010101700001', regionCode: '350712' };
    expect(index.candidates(blockingKeys(probe))).toEqual([
      { id: 'r1', weight: 100 },
      { id: 'r5', weight: 2 + 2 + 1 + 1 + 1 },
      { id: 'r0', weight: 2 + 2 },
      { id: 'r3', weight: 2 },
      { id: 'r4', weight: 2 },
      { id: 'r2', weight: 1 },
    ]);
  });

  it('finds a person found without a name by the kabupaten alone, and nothing without any key', () => {
    expect(index.candidates(blockingKeys({ names: [], regionCode: '3507' })).map((c) => c.id)).toEqual(['r2', 'r5']);
    expect(index.candidates(blockingKeys({ names: [] }))).toEqual([]);
  });

  it('keeps at most the limit, and counts a key the probe repeats once', () => {
    expect(selectCandidates(['name:siti', 'name:siti'], index, 2)).toEqual([
      { id: 'r0', weight: 2 },
      { id: 'r3', weight: 2 },
    ]);
    expect(selectCandidates(['name:siti'], index, 0)).toEqual([]);
    expect(DEFAULT_CANDIDATE_LIMIT).toBeGreaterThanOrEqual(100);
  });

  it('forgets a record removed, and replaces the keys of a record added again', () => {
    const own = new CandidateIndex();
    own.add('a', ['name:siti', 'place:3507']);
    own.add('a', ['name:sri']);
    expect(own.size).toBe(1);
    expect(own.candidates(['name:siti', 'place:3507'])).toEqual([]);
    expect(own.candidates(['name:sri'])).toEqual([{ id: 'a', weight: 2 }]);
    expect(own.remove('a')).toBe(true);
    expect(own.remove('a')).toBe(false);
    expect(own.size).toBe(0);
    expect(own.candidates(['name:sri'])).toEqual([]);
    expect(() => own.add('b', ['siti'])).toThrow(/not a blocking key/);
  });
});
