import {
  bestNameSimilarity,
  jaroWinkler,
  levenshtein,
  NAME_SIMILARITY_THRESHOLD,
  nameSimilarity,
  nameTokens,
} from './name-similarity';

describe('nameTokens', () => {
  it('drops forms of address, titles, patronymic links and degrees after a comma', () => {
    expect(nameTokens('Bapak H. Ahmad bin Yusuf, S.Pd.')).toEqual(['ahmad', 'yusuf']);
    expect(nameTokens('Ibu Hj. Siti Aminah')).toEqual(['siti', 'aminah']);
    expect(nameTokens('Mbah Kirun')).toEqual(['kirun']);
  });

  it('writes old spelling in the current one', () => {
    expect(nameTokens('Soekarno')).toEqual(['sukarno']);
    expect(nameTokens('Djoko Tjahjono')).toEqual(['joko', 'cahjono']);
    expect(nameTokens('Soenjoto')).toEqual(['sunyoto']);
    expect(nameTokens('Rudy')).toEqual(['rudi']);
  });

  it('takes off diacritics and apostrophes', () => {
    expect(nameTokens("Ma'ruf Amin")).toEqual(['maruf', 'amin']);
    expect(nameTokens('José')).toEqual(['jose']);
  });

  it('keeps numbers, which some registers use to tell persons apart', () => {
    expect(nameTokens('Orang 12')).toEqual(['orang', '12']);
  });

  it('has no words for a name that is only a title', () => {
    expect(nameTokens('Pak')).toEqual([]);
  });

  it('drops a Batak boru and a leading Balinese I or Ni, but keeps an initial I. and a lone particle', () => {
    expect(nameTokens('Rotua br. Siregar')).toEqual(['rotua', 'siregar']);
    expect(nameTokens('Rotua boru Siregar')).toEqual(['rotua', 'siregar']);
    expect(nameTokens('Bapak I Wayan Sudarsana')).toEqual(['wayan', 'sudarsana']);
    expect(nameTokens('Ni Luh Sukerti')).toEqual(['luh', 'sukerti']);
    expect(nameTokens('I. Santoso')).toEqual(['i', 'santoso']);
    expect(nameTokens('Ni')).toEqual(['ni']);
  });

  it('keeps initials as letters, and writes out the short forms of Muhammad and Abdul', () => {
    expect(nameTokens('M. Rizki')).toEqual(['m', 'rizki']);
    expect(nameTokens('Y. Santoso')).toEqual(['y', 'santoso']);
    expect(nameTokens('Moch. Rizki')).toEqual(['muhammad', 'rizki']);
    expect(nameTokens('Moh Hatta')).toEqual(['muhammad', 'hatta']);
    expect(nameTokens('Abd. Rahman')).toEqual(['abdul', 'rahman']);
  });
});

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'budi')).toBe(4);
    expect(levenshtein('budi', 'budi')).toBe(0);
  });
});

describe('jaroWinkler', () => {
  it('is 1 for the same word, 0 for nothing in common and for an empty word', () => {
    expect(jaroWinkler('budi', 'budi')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'budi')).toBe(0);
  });

  it('gives the textbook value for MARTHA / MARHTA', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
});

describe('nameSimilarity', () => {
  const close = (a: string, b: string) =>
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(NAME_SIMILARITY_THRESHOLD);
  const far = (a: string, b: string) => expect(nameSimilarity(a, b)).toBeLessThan(NAME_SIMILARITY_THRESHOLD);

  it('is 1 for the same name however it is written', () => {
    expect(nameSimilarity('Ni Made Sukerti', 'Made Sukerti')).toBe(1);
    expect(nameSimilarity('Moch. Yusuf', 'Muhammad Yusuf')).toBe(1);
    expect(nameSimilarity('Siti Aminah', 'SITI  AMINAH')).toBe(1);
    expect(nameSimilarity('Siti Aminah', 'Aminah Siti')).toBe(1);
    expect(nameSimilarity('Soekarno', 'Sukarno')).toBe(1);
    expect(nameSimilarity('Pak Budi Santoso', 'Budi Santoso')).toBe(1);
    expect(nameSimilarity('Nur Hayati', 'Nurhayati')).toBe(1);
    expect(nameSimilarity('Rudi', 'Rudy')).toBe(1);
  });

  it('holds small spelling differences close', () => {
    close('Muhammad Yusuf', 'Muhamad Jusuf');
    close('Achmad', 'Ahmad');
    close('Djoko Tjahjono', 'Joko Cahyono');
    close('Slamet', 'Selamet');
    close('Supriyadi', 'Supriadi');
  });

  it('keeps a part of a name, or another name, apart', () => {
    far('Siti', 'Siti Aminah');
    far('Budi Santoso', 'Siti Aminah');
    far('Budi Santoso', 'Budi Hartono');
    far('Budi', 'Budiman');
    far('Orang 12', 'Orang 13');
    far('Orang 1', 'Orang 10');
  });

  it('is 0 when one side has no name', () => {
    expect(nameSimilarity('', 'Budi')).toBe(0);
    expect(nameSimilarity('Pak', 'Budi')).toBe(0);
  });

  it('is symmetric', () => {
    expect(nameSimilarity('Muhammad Yusuf', 'Muhamad Jusuf')).toBe(nameSimilarity('Muhamad Jusuf', 'Muhammad Yusuf'));
  });
});

describe('bestNameSimilarity', () => {
  it('takes the most alike pair of names and aliases', () => {
    expect(bestNameSimilarity(['Mbah Kirun', 'Sukirun'], ['Soekiroen'])).toBe(1);
    expect(bestNameSimilarity([], ['Budi'])).toBe(0);
  });
});
