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
});
