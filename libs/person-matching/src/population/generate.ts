import type { PersonDescription } from '../match-score';
import { drawName, oldSpelling, TRADITIONS, WRITTEN_FORMS, type GivenName, type Sex, type Tradition } from './names';
import { Random } from './random';
import { farKabupaten, homeKabupaten, kecamatanIn, neighbourKabupaten } from './regions';

/**
 * A synthetic population with a known truth, for measuring the tracing matcher: families' tracing
 * requests for missing relatives, and persons that social services found (most of them
 * unidentified: a few descriptors, a name they mention, sometimes a claimed name or NIK). A share of
 * the persons found is some request's missing relative. Every choice below is drawn from one seeded
 * generator, so that a seed always gives the same population.
 *
 * What is modelled, on purpose, to make matching hard: namesakes (names drawn Zipf-like, so many
 * different people are Siti, Sri, Muhammad, Wayan or Slamet), old spellings on older people's
 * documents, many written forms of Muhammad and Ahmad, honorifics and degrees, typos, nicknames, a
 * single name or the words in another order, a wrong name now and then, no name at all for about a
 * fifth of those found; NIK mostly unknown when found, sometimes mistyped; sex unknown or wrong now
 * and then; an apparent age range with an estimation error that grows with age; found in the same
 * kabupaten, the same province or far away in a big city; found days to years after last seen (and
 * now and then "before", a family's wrong date); marks described in other words or only in part.
 */
export const DEFAULT_POPULATION_SEED = 0x19_2026;

/** Dates fall between these; nobody is found after the end. */
const FIRST_DAY = Date.UTC(2019, 0, 1);
const LAST_DAY = Date.UTC(2026, 11, 31);
const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;

export interface PopulationOptions {
  seed?: number;
  /** Open tracing requests. */
  requests?: number;
  /** Persons found. */
  found?: number;
  /** The share of persons found who are the missing relative of some request. */
  soughtShare?: number;
}

export const DEFAULT_POPULATION_OPTIONS: Required<PopulationOptions> = {
  seed: DEFAULT_POPULATION_SEED,
  requests: 5_000,
  found: 5_000,
  soughtShare: 0.3,
};

export interface TracingRequestRecord {
  id: string;
  /** The truth: who the request is really about. Never for a matcher to read. */
  personId: string;
  sought: PersonDescription;
}

export interface FoundPersonRecord {
  id: string;
  /** The truth: who this really is. Never for a matcher to read. */
  personId: string;
  description: PersonDescription;
}

export interface Population {
  seed: number;
  requests: TracingRequestRecord[];
  found: FoundPersonRecord[];
  /** Every (request, found) pair about one person: what a perfect matcher proposes. */
  truePairs: { requestId: string; foundId: string }[];
}

interface Mark {
  feature: string;
  part?: string;
  side?: 'kiri' | 'kanan';
}

interface Person {
  id: string;
  sex: Sex;
  tradition: Tradition;
  name: GivenName;
  /** Documents of older people keep the spelling before 1972. */
  oldSpelling: boolean;
  birth: number;
  nik: string;
  home: string;
  marks: Mark[];
}

export function generatePopulation(options: PopulationOptions = {}): Population {
  const settings = { ...DEFAULT_POPULATION_OPTIONS, ...options };
  const random = new Random(settings.seed);
  const requests: Omit<TracingRequestRecord, 'id'>[] = [];
  const found: Omit<FoundPersonRecord, 'id'>[] = [];
  let people = 0;
  const newPerson = (at: number) => drawPerson(random, `p${String((people += 1)).padStart(6, '0')}`, at);

  const soughtAndFound = Math.round(settings.soughtShare * settings.found);
  while (found.length < soughtAndFound && requests.length < settings.requests) {
    const lastSeen = randomDay(random, FIRST_DAY, Date.UTC(2026, 8, 30));
    const person = newPerson(lastSeen);
    // Two relatives may each register a request; a person may be picked up twice.
    const requestCount = random.chance(0.03) && requests.length + 2 <= settings.requests ? 2 : 1;
    for (let i = 0; i < requestCount; i += 1) requests.push(tracingRequest(random, person, lastSeen));
    const foundCount = random.chance(0.02) && found.length + 2 <= soughtAndFound ? 2 : 1;
    for (let i = 0; i < foundCount; i += 1) found.push(foundPerson(random, person, foundDay(random, lastSeen), true));
  }
  while (requests.length < settings.requests) {
    const lastSeen = randomDay(random, FIRST_DAY, LAST_DAY);
    requests.push(tracingRequest(random, newPerson(lastSeen), lastSeen));
  }
  while (found.length < settings.found) {
    const day = randomDay(random, FIRST_DAY, LAST_DAY);
    found.push(foundPerson(random, newPerson(day), day, false));
  }

  // Ids carry no hint of the truth: a matcher that breaks ties by id must not be helped by it.
  const withIds = <T>(records: T[], prefix: string) =>
    random.shuffle(records).map((record, i) => ({ id: `${prefix}${String(i + 1).padStart(6, '0')}`, ...record }));
  const requestRecords = withIds(requests, 'r');
  const foundRecords = withIds(found, 'f');
  const requestsByPerson = new Map<string, string[]>();
  for (const { id, personId } of requestRecords) {
    requestsByPerson.set(personId, [...(requestsByPerson.get(personId) ?? []), id]);
  }
  const truePairs = foundRecords.flatMap(({ id: foundId, personId }) =>
    (requestsByPerson.get(personId) ?? []).map((requestId) => ({ requestId, foundId })),
  );
  return { seed: settings.seed, requests: requestRecords, found: foundRecords, truePairs };
}

function drawPerson(random: Random, id: string, at: number): Person {
  const sex: Sex = random.chance(0.55) ? 'male' : 'female';
  const tradition = random.weighted(TRADITIONS);
  // Those picked up are mostly adults with a mental illness, the old with dementia, runaway children.
  const age = random.weighted([
    [random.int(8, 17), 10],
    [random.int(18, 59), 58],
    [random.int(60, 88), 32],
  ] as const);
  const birth = at - age * YEAR_MS - random.int(0, 364) * DAY_MS;
  const birthYear = new Date(birth).getUTCFullYear();
  const home = homeKabupaten(random, tradition);
  const markCount = random.chance(0.55) ? (random.chance(0.3) ? 2 : 1) : 0;
  return {
    id,
    sex,
    tradition,
    name: drawName(random, tradition, sex),
    oldSpelling: random.chance(birthYear < 1960 ? 0.7 : birthYear < 1975 ? 0.35 : 0.03),
    birth,
    nik: nikOf(random, home, sex, birth),
    home,
    marks: Array.from({ length: markCount }, () => drawMark(random)),
  };
}

/** Kabupaten, kecamatan, birth date (day + 40 for a woman), a serial: as a NIK is built. */
function nikOf(random: Random, home: string, sex: Sex, birth: number): string {
  const date = new Date(birth);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = date.getUTCDate() + (sex === 'female' ? 40 : 0);
  const serial = String(random.int(1, 9999)).padStart(4, '0');
  return `${kecamatanIn(random, home)}${two(day)}${two(date.getUTCMonth() + 1)}${two(date.getUTCFullYear() % 100)}${serial}`;
}

function tracingRequest(random: Random, person: Person, lastSeen: number): Omit<TracingRequestRecord, 'id'> {
  const knowsNik = random.chance(0.45);
  const official = officialName(random, person);
  const names = [decorated(random, random.chance(0.6) ? official : modernName(random, person), person, lastSeen)];
  if (random.chance(0.03)) names[0] = withTypo(random, names[0] ?? '');
  // Families often add what the relative is called at home.
  if (person.name.nicknames.length > 0 && random.chance(0.35)) names.push(random.pick(person.name.nicknames));
  const place = random.weighted([
    [person.home, 80],
    [neighbourKabupaten(random, person.home), 15],
    [farKabupaten(random, person.home), 5],
  ] as const);
  const description: PersonDescription = {
    names,
    ...(knowsNik ? { nik: random.chance(0.01) ? withDigitTypo(random, person.nik) : person.nik } : {}),
    ...(random.chance(0.99) ? { sex: person.sex } : {}),
    ...statedAge(random, person, lastSeen, knowsNik),
    regionCode: regionCode(random, place, [
      ['kabupaten', 65],
      ['kecamatan', 30],
      ['province', 5],
    ]),
    at: isoDay(lastSeen),
    marks: person.marks.filter(() => random.chance(0.75)).map(markText),
  };
  return { personId: person.id, sought: description };
}

function foundPerson(random: Random, person: Person, day: number, sought: boolean): Omit<FoundPersonRecord, 'id'> {
  const claimsNik = random.chance(sought ? 0.06 : 0.04);
  const trueAge = (day - person.birth) / YEAR_MS;
  const place = sought
    ? random.weighted([
        [person.home, 50],
        [neighbourKabupaten(random, person.home), 25],
        [farKabupaten(random, person.home), 25],
      ] as const)
    : random.chance(0.75)
      ? person.home
      : farKabupaten(random, person.home);
  const observed = person.marks.filter(() => random.chance(0.55)).map((mark) => retold(random, mark));
  if (random.chance(0.25)) observed.push(random.pick(STREET_DESCRIPTORS));
  const sexKnown = random.chance(0.92);
  const description: PersonDescription = {
    names: heardNames(random, person),
    ...(claimsNik ? { nik: random.chance(0.1) ? withDigitTypo(random, person.nik) : person.nik } : {}),
    ...(sexKnown ? { sex: random.chance(0.01) ? other(person.sex) : person.sex } : {}),
    ...(claimsNik && random.chance(0.8)
      ? { birthDate: isoDay(person.birth) }
      : random.chance(0.88)
        ? { ageRange: apparentAge(random, trueAge) }
        : {}),
    regionCode: regionCode(random, place, [
      ['kabupaten', 70],
      ['kecamatan', 30],
    ]),
    at: isoDay(day),
    marks: observed,
  };
  return { personId: person.id, description };
}

/** Found days to years after last seen; now and then "before", when the family's date is wrong. */
function foundDay(random: Random, lastSeen: number): number {
  if (random.chance(0.01)) return lastSeen - random.int(2, 20) * DAY_MS;
  const delay = random.weighted([
    [random.int(0, 31), 45],
    [random.int(32, 365), 35],
    [random.int(366, 2_000), 20],
  ] as const);
  return Math.min(lastSeen + delay * DAY_MS, LAST_DAY - random.int(0, 30) * DAY_MS);
}

/** The name as on the family's documents: maybe in the old spelling, Muhammad as the card writes it. */
function officialName(random: Random, person: Person): string[] {
  const words = writtenForms(random, person.name.words);
  return person.oldSpelling ? words.map(oldSpelling) : words;
}

function modernName(random: Random, person: Person): string[] {
  return writtenForms(random, person.name.words);
}

function writtenForms(random: Random, words: readonly string[]): string[] {
  return words.map((word) => {
    const forms = WRITTEN_FORMS[word];
    return forms ? random.weighted(forms) : word;
  });
}

/** Forms of address and titles a family or an officer puts around a name. */
function decorated(random: Random, words: string[], person: Person, at: number): string {
  const age = (at - person.birth) / YEAR_MS;
  const name = words.join(' ');
  if (age < 18 || !random.chance(0.3)) return name;
  const muslim = person.tradition === 'muslim' || person.tradition === 'minang';
  const prefixes =
    person.sex === 'male'
      ? ['Bapak', 'Pak', 'Bpk.', ...(age >= 60 ? ['Mbah'] : []), ...(muslim && age >= 45 ? ['H.', 'Haji'] : [])]
      : ['Ibu', 'Bu', ...(age >= 60 ? ['Mbah'] : []), ...(muslim && age >= 45 ? ['Hj.', 'Hajjah'] : [])];
  const prefix = random.pick(prefixes);
  const degree = age >= 25 && random.chance(0.1) ? `, ${random.pick(['S.Pd.', 'S.E.', 'S.H.', 'A.Md.'])}` : '';
  return `${prefix} ${name}${degree}`;
}

/**
 * What a person found says their name is, as an officer writes it down: nothing (about a fifth),
 * the full name, one of its words, a nickname, the words swapped, or now and then someone else's.
 */
function heardNames(random: Random, person: Person): string[] {
  if (random.chance(0.22)) return [];
  if (random.chance(0.05)) {
    const stranger = drawName(random, random.weighted(TRADITIONS), person.sex);
    return [stranger.words.join(' ')];
  }
  const words = modernName(random, person);
  const informative = words.filter((word) => !['I', 'Ni', 'Luh', 'br.', 'boru'].includes(word));
  const nicknames = person.name.nicknames;
  const form = random.weighted([
    ['full', 40],
    ['one-word', 25],
    ['nickname', nicknames.length > 0 ? 12 : 0],
    ['swapped', words.length > 1 ? 8 : 0],
    ['from-card', 5],
  ] as const);
  let heard: string[];
  switch (form) {
    case 'full':
      heard = words;
      break;
    case 'one-word':
      heard = [random.pick(informative.length > 0 ? informative : words)];
      break;
    case 'nickname':
      heard = [random.pick(nicknames)];
      break;
    case 'swapped':
      heard = [...words.slice(1), words[0] ?? ''];
      break;
    case 'from-card':
      heard = officialName(random, person);
      break;
  }
  if (random.chance(0.15)) {
    const index = random.int(0, heard.length - 1);
    heard[index] = withTypo(random, heard[index] ?? '');
  }
  const address =
    random.chance(0.3) && form !== 'from-card'
      ? `${random.pick(person.sex === 'male' ? ['Pak', 'Mbah', 'Mas', 'Bang'] : ['Bu', 'Mbah', 'Mbak', 'Kak'])} `
      : '';
  const names = [`${address}${heard.join(' ')}`];
  if (form !== 'nickname' && nicknames.length > 0 && random.chance(0.15)) names.push(random.pick(nicknames));
  return names;
}

/** One slip of the pen: a letter replaced, dropped, doubled, or two swapped. */
function withTypo(random: Random, text: string): string {
  const letters = [...text];
  const positions = letters.flatMap((letter, i) => (/[a-z]/i.test(letter) && i > 0 ? [i] : []));
  if (positions.length === 0) return text;
  const at = random.pick(positions);
  const letter = letters[at] ?? '';
  switch (random.int(0, 3)) {
    case 0:
      letters[at] = random.pick([...'aiueonrstkmlbdgjhpy'].filter((other) => other !== letter.toLowerCase()));
      break;
    case 1:
      letters.splice(at, 1);
      break;
    case 2:
      letters.splice(at, 0, letter.toLowerCase());
      break;
    default:
      if (at + 1 < letters.length) [letters[at], letters[at + 1]] = [letters[at + 1] ?? '', letter];
  }
  return letters.join('');
}

function withDigitTypo(random: Random, nik: string): string {
  const at = random.int(6, nik.length - 1);
  const digit = String((Number(nik[at]) + random.int(1, 9)) % 10);
  return `${nik.slice(0, at)}${digit}${nik.slice(at + 1)}`;
}

/** A family states a birth date (surely so when it knows the NIK), else an age when last seen. */
function statedAge(
  random: Random,
  person: Person,
  lastSeen: number,
  knowsNik: boolean,
): Pick<PersonDescription, 'birthDate' | 'ageRange'> {
  if (random.chance(knowsNik ? 0.85 : 0.35)) return { birthDate: isoDay(person.birth) };
  if (random.chance(0.04)) return {};
  const age =
    Math.floor((lastSeen - person.birth) / YEAR_MS) +
    random.weighted([
      [0, 6],
      [-1, 2],
      [1, 2],
    ] as const);
  const spread = random.weighted([
    [0, 50],
    [2, 35],
    [5, 15],
  ] as const);
  return { ageRange: { min: Math.max(0, age - spread), max: age + spread } };
}

/** An officer's estimate: the older the person, the larger the error. */
function apparentAge(random: Random, trueAge: number): { min: number; max: number } {
  const error = trueAge < 18 ? 2.5 : trueAge < 60 ? 5 : 7;
  const estimate = random.normal(trueAge, error);
  const halfWidth = random.weighted([
    [2, 20],
    [5, 55],
    [10, 25],
  ] as const);
  return { min: Math.max(0, Math.round(estimate - halfWidth)), max: Math.max(1, Math.round(estimate + halfWidth)) };
}

function regionCode(
  random: Random,
  kabupaten: string,
  precision: readonly (readonly ['kabupaten' | 'kecamatan' | 'province', number])[],
): string {
  switch (random.weighted(precision)) {
    case 'kabupaten':
      return kabupaten;
    case 'kecamatan':
      return kecamatanIn(random, kabupaten);
    case 'province':
      return kabupaten.slice(0, 2);
  }
}

const FEATURES = [
  'bekas luka',
  'luka bakar',
  'tahi lalat',
  'tanda lahir',
  'tato',
  'bekas jahitan',
  'benjolan',
  'kutil',
  'jari putus',
];
const BODY_PARTS = [
  'pipi',
  'dahi',
  'dagu',
  'leher',
  'lengan',
  'tangan',
  'kaki',
  'punggung',
  'dada',
  'perut',
  'betis',
  'paha',
  'telinga',
  'bahu',
];
const WHOLE_MARKS = ['pincang', 'gigi ompong', 'gigi emas', 'mata juling', 'bisu', 'tuli', 'botak', 'rambut beruban'];
const TATTOO_MOTIFS = ['naga', 'bunga', 'salib', 'jangkar', 'nama', 'burung'];
/** What officers write of many people living on the street: it tells them apart from few. */
const STREET_DESCRIPTORS = ['rambut gimbal', 'kuku panjang', 'luka di kaki', 'kulit kotor', 'gigi ompong'];

function drawMark(random: Random): Mark {
  if (random.chance(0.2)) return { feature: random.pick(WHOLE_MARKS) };
  const feature = random.pick(FEATURES);
  return {
    feature: feature === 'tato' ? `tato ${random.pick(TATTOO_MOTIFS)}` : feature,
    part: random.pick(feature === 'jari putus' ? ['tangan', 'kaki'] : BODY_PARTS),
    ...(random.chance(0.8) ? { side: random.pick(['kiri', 'kanan'] as const) } : {}),
  };
}

function markText(mark: Mark): string {
  return [mark.feature, ...(mark.part ? ['di', mark.part] : []), ...(mark.side ? [mark.side] : [])].join(' ');
}

/** The same mark described by someone else: fewer words, another side, a neighbouring place. */
function retold(random: Random, mark: Mark): string {
  const feature = random.chance(0.3)
    ? (mark.feature.split(' ').find((word) => word !== 'bekas') ?? mark.feature)
    : mark.feature;
  const part = mark.part && random.chance(0.15) ? random.pick(BODY_PARTS) : mark.part;
  const side = !mark.side || random.chance(0.2) ? undefined : random.chance(0.1) ? other(mark.side) : mark.side;
  return markText({ feature, ...(part ? { part } : {}), ...(side ? { side } : {}) });
}

function other<T extends 'male' | 'female' | 'kiri' | 'kanan'>(value: T): T {
  const swap: Record<string, string> = { male: 'female', female: 'male', kiri: 'kanan', kanan: 'kiri' };
  return swap[value] as T;
}

function randomDay(random: Random, from: number, to: number): number {
  return from + random.int(0, Math.floor((to - from) / DAY_MS)) * DAY_MS;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
