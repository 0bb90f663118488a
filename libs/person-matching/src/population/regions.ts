import type { Tradition } from './names';
import type { Random } from './random';

/**
 * Kemendagri-like region codes: a province's two digits, then its kabupaten (01, 02, …) and kota
 * (71, 72, …) as two more, then a kecamatan's two. The counts are close to the real ones; which
 * code is which town does not matter here, only that places are nested and that people drift to
 * the big cities.
 */
interface Province {
  code: string;
  kabupaten: number;
  kota: number;
}

const PROVINCES: readonly Province[] = [
  { code: '11', kabupaten: 18, kota: 5 },
  { code: '12', kabupaten: 25, kota: 8 },
  { code: '13', kabupaten: 12, kota: 7 },
  { code: '14', kabupaten: 10, kota: 2 },
  { code: '16', kabupaten: 13, kota: 4 },
  { code: '18', kabupaten: 13, kota: 2 },
  { code: '31', kabupaten: 1, kota: 5 },
  { code: '32', kabupaten: 18, kota: 9 },
  { code: '33', kabupaten: 29, kota: 6 },
  { code: '34', kabupaten: 4, kota: 1 },
  { code: '35', kabupaten: 29, kota: 9 },
  { code: '36', kabupaten: 4, kota: 4 },
  { code: '51', kabupaten: 8, kota: 1 },
  { code: '52', kabupaten: 8, kota: 2 },
  { code: '53', kabupaten: 21, kota: 1 },
  { code: '61', kabupaten: 12, kota: 2 },
  { code: '64', kabupaten: 7, kota: 3 },
  { code: '71', kabupaten: 11, kota: 4 },
  { code: '73', kabupaten: 21, kota: 3 },
  { code: '81', kabupaten: 9, kota: 2 },
  { code: '91', kabupaten: 8, kota: 1 },
  { code: '95', kabupaten: 8, kota: 0 },
];

/** Where each tradition mostly lives (province codes, relative weights). */
const HOMES: Readonly<Record<Tradition, readonly (readonly [string, number])[]>> = {
  javanese: [
    ['33', 5],
    ['35', 5],
    ['34', 2],
    ['31', 1.5],
    ['32', 0.7],
    ['36', 0.5],
    ['18', 1],
    ['16', 0.5],
    ['64', 0.3],
    ['12', 0.3],
  ],
  muslim: [
    ['73', 3],
    ['11', 2],
    ['16', 2],
    ['31', 2],
    ['32', 2],
    ['52', 2],
    ['12', 1],
    ['14', 1.5],
    ['18', 1],
    ['35', 1.5],
    ['36', 1.5],
    ['61', 1],
    ['64', 1],
  ],
  sundanese: [
    ['32', 6],
    ['36', 2],
    ['31', 1],
  ],
  batak: [
    ['12', 6],
    ['14', 1],
    ['31', 1],
  ],
  minang: [
    ['13', 6],
    ['14', 1],
    ['31', 1],
  ],
  balinese: [
    ['51', 8],
    ['52', 0.5],
  ],
  'chinese-indonesian': [
    ['31', 3],
    ['12', 2],
    ['61', 2],
    ['35', 1],
    ['32', 1],
    ['14', 1],
  ],
  'east-christian': [
    ['53', 5],
    ['91', 2],
    ['95', 1.5],
    ['81', 1.5],
    ['71', 1.5],
  ],
};

/** The big cities people who wander far end up in: Jakarta, Surabaya, Bandung, Medan, Semarang, … */
const MAGNETS: readonly (readonly [string, number])[] = [
  ['3171', 2],
  ['3172', 2],
  ['3173', 2],
  ['3174', 2],
  ['3175', 2],
  ['3578', 3],
  ['3273', 2.5],
  ['1275', 2.5],
  ['3374', 1.5],
  ['3471', 1.5],
  ['5171', 1],
  ['7371', 1.5],
  ['3671', 1.5],
];

function kabupatenOf(province: Province): string[] {
  const two = (n: number) => String(n).padStart(2, '0');
  return [
    ...Array.from({ length: province.kabupaten }, (_, i) => `${province.code}${two(i + 1)}`),
    ...Array.from({ length: province.kota }, (_, i) => `${province.code}${two(71 + i)}`),
  ];
}

const BY_CODE = new Map(PROVINCES.map((province) => [province.code, kabupatenOf(province)]));

function kabupatenIn(provinceCode: string): string[] {
  const list = BY_CODE.get(provinceCode);
  if (!list) throw new Error(`no province ${provinceCode}`);
  return list;
}

/** A kabupaten or kota someone of this tradition calls home; a kota (a town, 71+) draws twice as many. */
export function homeKabupaten(random: Random, tradition: Tradition): string {
  const province = random.weighted(HOMES[tradition]);
  return random.weighted(kabupatenIn(province).map((code) => [code, code.slice(2) >= '71' ? 2 : 1] as const));
}

/** Another kabupaten of the same province, or the same where it has no other. */
export function neighbourKabupaten(random: Random, kabupaten: string): string {
  const others = kabupatenIn(kabupaten.slice(0, 2)).filter((code) => code !== kabupaten);
  return others.length === 0 ? kabupaten : random.pick(others);
}

/** Somewhere in another province: mostly a big city, else anywhere. */
export function farKabupaten(random: Random, kabupaten: string): string {
  const province = kabupaten.slice(0, 2);
  const magnets = MAGNETS.filter(([code]) => !code.startsWith(province));
  if (random.chance(0.7)) return random.weighted(magnets);
  const elsewhere = PROVINCES.filter((p) => p.code !== province);
  return random.pick(kabupatenIn(random.pick(elsewhere).code));
}

/** A kecamatan code within a kabupaten (two more digits). */
export function kecamatanIn(random: Random, kabupaten: string): string {
  return `${kabupaten}${String(random.int(1, 25)).padStart(2, '0')}`;
}
