import { checkNik, nikParts, normaliseNik } from './nik-check';

// Kabupaten Malang (35.07) with its kecamatan Donomulyo (35.07.01), as the idn-area-data adapter gives them.
const regions: ReadonlySet<string> = new Set(['3507', '350701', '3571', '357101']);

/** A man born 17 August 1985 in Donomulyo, serial 0001; a woman's day is 57 (17 + 40). */
const MAN = '3507011708850001';
const WOMAN = '3507015708850002';

describe('checkNik', () => {
  it('finds nothing wrong in a well-formed NIK of a man whose birth date and sex agree', () => {
    expect(checkNik(MAN, 'male', '1985-08-17', regions)).toEqual([]);
  });

  it('reads 40 added to the day as a woman', () => {
    expect(checkNik(WOMAN, 'female', '1985-08-17', regions)).toEqual([]);
  });

  it('needs neither sex nor birth date to check the structure', () => {
    expect(checkNik(MAN, null, null, regions)).toEqual([]);
    expect(checkNik(WOMAN, undefined, undefined, regions)).toEqual([]);
  });

  it('accepts the spaces, dots and hyphens people copy from a card', () => {
    expect(checkNik('3507 0117 0885 0001', 'male', '1985-08-17', regions)).toEqual([]);
    expect(checkNik('35.07.01-170885-0001', 'male', null, regions)).toEqual([]);
  });

  it.each([
    ['15 digits', '350701170885000'],
    ['17 digits', '35070117088500011'],
    ['a letter', '350701170885000A'],
    ['nothing', ''],
  ])('flags a NIK of %s as not 16 digits, and nothing else', (_, nik) => {
    expect(checkNik(nik, 'male', '1985-08-17', regions)).toEqual(['nik.not-16-digits']);
  });

  it('flags a kabupaten/kota code that is not in the directory', () => {
    expect(checkNik('9999011708850001', 'male', '1985-08-17', regions)).toEqual(['nik.unknown-region']);
  });

  it('flags a known kabupaten/kota with an unknown kecamatan as an unknown district', () => {
    expect(checkNik('3507991708850001', 'male', '1985-08-17', regions)).toEqual(['nik.unknown-district']);
  });

  it.each([
    ['day 00', '3507010008850001'],
    ['day 32 (neither a man nor a woman)', '3507013208850001'],
    ['day 40', '3507014008850001'],
    ['day 72 (a woman on the 32nd)', '3507017208850001'],
    ['month 00', '3507011700850001'],
    ['month 13', '3507011713850001'],
    ['30 February', '3507013002850001'],
    ['31 April', '3507013104850001'],
    ['a woman on 31 June', '3507017106850001'],
    ['29 February of a common year', '3507012902850001'],
  ])('flags an impossible date: %s', (_, nik) => {
    expect(checkNik(nik, null, null, regions)).toEqual(['nik.impossible-date']);
  });

  it('takes 29 February in a leap year', () => {
    expect(checkNik('3507012902840001', 'male', '1984-02-29', regions)).toEqual([]);
  });

  it('reads year 00 as a leap year unless the birth date says 1900', () => {
    expect(checkNik('3507016902000001', 'female', null, regions)).toEqual([]);
    expect(checkNik('3507016902000001', 'female', '2000-02-29', regions)).toEqual([]);
    expect(checkNik('3507016902000001', 'female', '1900-02-28', regions)).toEqual(['nik.impossible-date']);
  });

  it('does not check sex or birth date against a date that cannot exist', () => {
    expect(checkNik('3507013502850001', 'female', '1985-02-05', regions)).toEqual(['nik.impossible-date']);
  });

  it("flags a man's NIK given to a woman and a woman's given to a man", () => {
    expect(checkNik(MAN, 'female', '1985-08-17', regions)).toEqual(['nik.sex-mismatch']);
    expect(checkNik(WOMAN, 'male', '1985-08-17', regions)).toEqual(['nik.sex-mismatch']);
  });

  it.each([
    ['another day', '1985-08-18'],
    ['another month', '1985-09-17'],
    ['another year', '1986-08-17'],
  ])('flags a birth date on %s than the NIK says', (_, birthDate) => {
    expect(checkNik(MAN, 'male', birthDate, regions)).toEqual(['nik.birth-date-mismatch']);
  });

  it('compares only the two digits of the year the NIK holds', () => {
    expect(checkNik('3507011708050001', 'male', '1905-08-17', regions)).toEqual([]);
    expect(checkNik('3507011708050001', 'male', '2005-08-17', regions)).toEqual([]);
  });

  it('ignores a birth date that is not a calendar date rather than guessing', () => {
    expect(checkNik(MAN, 'male', '17-08-1985', regions)).toEqual([]);
  });

  it('flags serial 0000: serials start at 0001', () => {
    expect(checkNik('3507011708850000', 'male', null, regions)).toEqual(['nik.invalid-serial']);
  });

  it('reports every problem at once, in a stable order', () => {
    expect(checkNik('9999015708850000', 'male', '1985-08-18', regions)).toEqual([
      'nik.unknown-region',
      'nik.sex-mismatch',
      'nik.birth-date-mismatch',
      'nik.invalid-serial',
    ]);
  });

  it('takes any RegionDirectory, not only a Set', () => {
    const kotaKediriOnly = { has: (code: string) => code.startsWith('3571') };
    expect(checkNik(MAN, 'male', null, kotaKediriOnly)).toEqual(['nik.unknown-region']);
  });
});

describe('nikParts', () => {
  it('splits a NIK into region, date and serial', () => {
    expect(nikParts(WOMAN)).toEqual({
      kabKotaCode: '3507',
      kecamatanCode: '350701',
      encodedDay: 57,
      month: 8,
      yearOfCentury: 85,
      serial: '0002',
    });
  });

  it('has no parts for anything but 16 digits', () => {
    expect(nikParts('3507 0157 0885 0002')).toBeNull();
    expect(nikParts(normaliseNik('3507 0157 0885 0002'))).not.toBeNull();
  });
});
