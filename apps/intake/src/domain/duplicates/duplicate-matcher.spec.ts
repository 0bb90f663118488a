import { candidatesAmong, matchPersons, type PersonProfile } from './duplicate-matcher';

const NIK = '3507011708850001';

function person(personId: string, overrides: Partial<PersonProfile> = {}): PersonProfile {
  return {
    personId,
    nik: null,
    names: ['Sukirun'],
    birthYear: 1985,
    sex: 'male',
    regionCodes: ['3507'],
    ...overrides,
  };
}

const subject = person('p-new');

describe('matchPersons', () => {
  it('makes the same NIK a strong candidate with score 1, whatever else differs', () => {
    const candidate = matchPersons(
      person('p-new', { nik: NIK, names: ['Mbah Kirun'], birthYear: null }),
      person('p-old', { nik: '3507 0117 0885 0001', names: ['Joko'], regionCodes: ['3578'] }),
    );
    expect(candidate).toEqual({ personId: 'p-old', score: 1, strength: 'strong', reasons: ['same-nik'] });
  });

  it('names what else agrees beside the NIK', () => {
    expect(matchPersons(person('p-new', { nik: NIK }), person('p-old', { nik: NIK }))?.reasons).toEqual([
      'same-nik',
      'similar-name',
      'same-birth-year',
      'same-region',
    ]);
  });

  it('makes a close name with the same birth year and region a possible candidate', () => {
    expect(matchPersons(subject, person('p-old', { names: ['Soekiroen'] }))).toEqual({
      personId: 'p-old',
      score: 0.9,
      strength: 'possible',
      reasons: ['similar-name', 'same-birth-year', 'same-region'],
    });
  });

  it('scores a less similar name lower', () => {
    const candidate = matchPersons(
      person('p-new', { names: ['Muhammad Yusuf'] }),
      person('p-old', { names: ['Muhamad Jusuf'] }),
    );
    expect(candidate?.strength).toBe('possible');
    expect(candidate?.score).toBeGreaterThan(0.75);
    expect(candidate?.score).toBeLessThan(0.9);
  });

  it('compares regions at kabupaten/kota level, over every region tied to the person', () => {
    const found = person('p-new', { regionCodes: ['3578', '350701'] });
    expect(matchPersons(found, person('p-old', { regionCodes: ['3507'] }))?.reasons).toContain('same-region');
  });

  it('compares every name and alias', () => {
    const aliases = person('p-new', { names: ['Mbah Kirun', 'Sukirun'] });
    expect(matchPersons(aliases, person('p-old', { names: ['Joko', 'Soekiroen'] }))).not.toBeNull();
  });

  it.each<[string, Partial<PersonProfile>]>([
    ['another name', { names: ['Budi Santoso'] }],
    ['another birth year', { birthYear: 1986 }],
    ['no known birth year', { birthYear: null }],
    ['another region', { regionCodes: ['3578'] }],
    ['no known region', { regionCodes: [] }],
    ['no name', { names: [] }],
    ['the other sex', { sex: 'female' }],
  ])('proposes no one with %s', (_, overrides) => {
    expect(matchPersons(subject, person('p-old', overrides))).toBeNull();
  });

  it('still proposes a close name when one sex is not known', () => {
    expect(matchPersons(person('p-new', { sex: null }), person('p-old'))).not.toBeNull();
  });

  it('halves the score of a name match when both carry a different NIK, and says so', () => {
    expect(matchPersons(person('p-new', { nik: NIK }), person('p-old', { nik: '3507011708850002' }))).toEqual({
      personId: 'p-old',
      score: 0.45,
      strength: 'possible',
      reasons: ['similar-name', 'same-birth-year', 'same-region', 'different-nik'],
    });
  });

  it('does not count a malformed NIK as a NIK', () => {
    expect(matchPersons(person('p-new', { nik: '12345' }), person('p-old', { nik: '12345' }))?.reasons).toEqual([
      'similar-name',
      'same-birth-year',
      'same-region',
    ]);
  });
});

describe('candidatesAmong', () => {
  it('lists candidates best first and leaves out the subject itself and non-matches', () => {
    const earlier = [
      person('p-name', { names: ['Muhammad Sukirun'] }),
      person('p-other', { names: ['Budi Santoso'] }),
      person('p-new'),
      person('p-nik', { nik: NIK, names: ['Joko'] }),
      person('p-exact'),
    ];
    const candidates = candidatesAmong(person('p-new', { nik: NIK }), earlier);
    expect(candidates.map((c) => c.personId)).toEqual(['p-nik', 'p-exact']);
  });

  it('orders equal scores by person id, so the same input gives the same list', () => {
    const candidates = candidatesAmong(subject, [person('p-b'), person('p-a')]);
    expect(candidates.map((c) => c.personId)).toEqual(['p-a', 'p-b']);
  });

  it('finds nothing among no one', () => {
    expect(candidatesAmong(subject, [])).toEqual([]);
  });
});
