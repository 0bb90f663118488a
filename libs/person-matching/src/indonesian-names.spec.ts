import { compareNames, nameTokens, soundKey } from './indonesian-names';

describe('Indonesian names', () => {
  it('drops honorifics, titles, degrees and patronymic connectors, and spells the old way as today', () => {
    expect(nameTokens('Bapak H. Soekarno')).toEqual(['sukarno']);
    expect(nameTokens('Hj. Siti Djuwariyah, S.Pd.')).toEqual(['siti', 'juwariyah']);
    expect(nameTokens('Drs. Tjipto Mangoenkoesoemo, M.M.')).toEqual(['cipto', 'mangunkusumo']);
    expect(nameTokens('Ahmad bin Abdullah')).toEqual(['ahmad', 'abdullah']);
    expect(nameTokens('Sjahrir')).toEqual(['syahrir']);
    expect(nameTokens('Chairul Tandjung')).toEqual(['khairul', 'tanjung']);
    expect(nameTokens('Ibu')).toEqual([]);
  });

  it('hears spellings that sound alike as one', () => {
    const keys = (names: string[]) => new Set(names.map((name) => soundKey(nameTokens(name)[0] ?? '')));
    expect(keys(['Muhammad', 'Mochamad', 'Muhamad', 'Mohammad'])).toEqual(new Set(['muhamad']));
    expect(keys(['Ahmad', 'Akhmad', 'Achmad']).size).toBe(1);
    expect(keys(['Rahmat', 'Rachmat']).size).toBe(1);
    expect(keys(['Fatimah', 'Fatima']).size).toBe(1);
    expect(keys(['Djojo', 'Joyo']).size).toBe(1);
    expect(keys(['Budi', 'Bayu']).size).toBe(2);
  });

  it('compares names whatever their order, a single name against a longer one, and tells different ones apart', () => {
    expect(compareNames('Soekarno', 'Bapak Sukarno').agreement).toBe('same');
    expect(compareNames('Siti Rahayu', 'Rahayu Siti').agreement).toBe('same');
    expect(compareNames('Mochamad Rizky', 'Muhammad Rizki').agreement).toBe('same');
    expect(compareNames('Dewi Lestari', 'Dewi Lestiari').agreement).toBe('alike');
    expect(compareNames('Rizky', 'Rizki').agreement).toBe('same');
    expect(compareNames('Agus', 'Agus Setiawan').agreement).toBe('contained');
    expect(compareNames('Agus Setiawan', 'Agus Salim').agreement).toBe('one-name-shared');
    expect(compareNames('Bambang Susilo', 'Rina Marlina').agreement).toBe('different');
    expect(compareNames('Ibu', 'Siti').agreement).toBe('unknown');
  });

  it('drops the particles Balinese and Batak names carry, which families write or leave out', () => {
    expect(compareNames('Rotua br. Siregar', 'Rotua Siregar').agreement).toBe('same');
    expect(compareNames('Rotua Boru Siregar', 'Rotua br. Siregar').agreement).toBe('same');
    expect(compareNames('Ni Made Sukerti', 'Made Sukerti').agreement).toBe('same');
    expect(compareNames('I Wayan Sudarsana', 'Bapak Wayan Sudarsana').agreement).toBe('same');
  });

  it('pairs an initial with a word it may stand for, short of the full name', () => {
    // `alike`: more than the other words alone (`contained`), less than the word written out (`same`).
    expect(compareNames('M. Rizki', 'Muhammad Rizki').agreement).toBe('alike');
    expect(compareNames('Siti A.', 'Siti Aminah').agreement).toBe('alike');
    expect(compareNames('Y. Santoso', 'Joesoef Santoso').agreement).toBe('alike');
    expect(compareNames('M. Rizki', 'Muhammad Rizki Ramadhan').agreement).toBe('contained');
    // A word goes to the word it sounds like before an initial takes it.
    expect(compareNames('R. Rizki', 'Rizki Rahmat').agreement).toBe('alike');
    // An initial for another word is a name not shared; a letter alone shares no name.
    expect(compareNames('A. Rizki', 'Muhammad Rizki').agreement).toBe('one-name-shared');
    expect(compareNames('M. Rizki', 'Made Sukerti').agreement).toBe('different');
    // Initials alone name nobody.
    expect(compareNames('M.', 'Muhammad').agreement).toBe('unknown');
    expect(compareNames('M. R.', 'Muhammad Rizki').agreement).toBe('unknown');
  });

  it('reads the written short forms of Muhammad and Abdul as the names', () => {
    expect(compareNames('Moch. Rizki', 'Muhammad Rizki').agreement).toBe('same');
    expect(compareNames('Moh. Hatta', 'Mohammad Hatta').agreement).toBe('same');
    expect(compareNames('Mhd. Yusuf', 'Muhamad Jusuf').agreement).toBe('same');
    expect(compareNames('Abd. Rahman', 'Abdul Rahman').agreement).toBe('same');
  });
});
