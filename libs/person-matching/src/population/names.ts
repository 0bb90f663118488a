import type { Random } from './random';

/**
 * Indonesian names by naming tradition, most common first within each list (Random.zipf draws them
 * so): Siti, Sri, Muhammad, Wayan and Slamet are meant to recur across many different people, as
 * they do, so that a matcher's precision is tested by namesakes and not only by strangers.
 */

export type Tradition =
  'javanese' | 'muslim' | 'sundanese' | 'batak' | 'minang' | 'balinese' | 'chinese-indonesian' | 'east-christian';

export type Sex = 'male' | 'female';

/** A person's name in today's spelling, word by word, and what family and friends call them. */
export interface GivenName {
  words: string[];
  nicknames: string[];
}

/** Roughly the share of the people that social services pick up, by tradition (not a census). */
export const TRADITIONS: readonly (readonly [Tradition, number])[] = [
  ['javanese', 34],
  ['muslim', 24],
  ['sundanese', 13],
  ['batak', 6],
  ['minang', 5],
  ['balinese', 4],
  ['chinese-indonesian', 5],
  ['east-christian', 9],
];

const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');

const JAVANESE_MALE = words(
  'Slamet Budi Agus Bambang Joko Eko Sutrisno Paijo Suparman Sugeng Heru Wahyu Teguh Hadi Sukardi Wagiman ' +
    'Sugiyanto Paiman Tukimin Sarno Parjo Suyono Purwanto Sumarno Triyono Yanto Giyono Kasimin Sutarno Sunarto ' +
    'Mulyono Waluyo Harjo Marto Darmo Widodo Susilo Untung Sukirno Ngadiman Kuswanto Tarjo',
);
const JAVANESE_FEMALE = words(
  'Sri Sukarni Painem Tukiyem Sumiyati Suparmi Sulastri Wartini Ngatini Endang Dwi Tri Sumarni Sutinah ' +
    'Partini Sukinah Tumini Jumiati Kartini Karsinah Sarmi Tuminah Ngadinem Paini Rubiyem Sukiyem Legiyem',
);
const JAVANESE_SECOND = words(
  'Santoso Setiawan Prasetyo Wibowo Nugroho Kurniawan Gunawan Haryanto Lestari Rahayu Wahyuni Astuti ' +
    'Handayani Suryani Purwanti Yuliani Wulandari Ningsih Setyowati Mulyani Hartono Susanto Riyanto Suharto ' +
    'Sutrisno Widodo Utomo Saputro Wijayanti Rahmawati Pratiwi Kusumawati',
);
const FEMALE_SECOND = new Set(
  words(
    'Lestari Rahayu Wahyuni Astuti Handayani Suryani Purwanti Yuliani Wulandari Ningsih Setyowati Mulyani ' +
      'Wijayanti Rahmawati Pratiwi Kusumawati',
  ),
);

const MUSLIM_MALE = words(
  'Ahmad Rizki Yusuf Ridwan Hidayat Rahmat Hasan Ali Abdullah Ismail Ibrahim Umar Usman Iskandar Saiful ' +
    'Fauzi Hamzah Ilham Arif Zainal Anwar Khairul Lukman Saleh Mahmud Imam Taufik Irfan Fadli Syamsul Hakim ' +
    'Nasrul Sulaiman Husein Firmansyah Hendra Rudi Andi',
);
const MUSLIM_FEMALE = words(
  'Aminah Fatimah Nurhayati Aisyah Khadijah Halimah Aini Rohmah Zainab Maryam Salamah Hasanah Juwariyah ' +
    'Maemunah Jamilah Rosita Nuraini Zulaikha Musdalifah Sholihah Rukayah Hafsah Syarifah Nurjanah Kholifah',
);
const ABDUL = words('Rahman Aziz Karim Latif Majid Halim Ghani Rasyid Wahab Kadir');

const SUNDANESE_MALE = words(
  'Asep Ujang Dadang Cecep Dede Yayan Deden Encep Ade Jajang Iwan Aang Didin Engkos Ajat Dudung Oman Enjang',
);
const SUNDANESE_FEMALE = words(
  'Euis Neng Iis Entin Imas Enung Titin Yeni Cucu Nining Lilis Elis Neneng Eti Ai Oom Enok Ela',
);
const SUNDANESE_SECOND = words(
  'Suryana Sukmana Permana Kusnadi Hermawan Hidayat Sopandi Supriatna Rusmana Saepudin Sutisna Nugraha Setiadi ' +
    'Suhendar Kurniasih Rohaeti Nurhasanah Rosmiati Komalasari Sumiati Sukaesih Hernawati Rahmawati',
);
const SUNDANESE_FEMALE_SECOND = new Set(
  words('Kurniasih Rohaeti Nurhasanah Rosmiati Komalasari Sumiati Sukaesih Hernawati Rahmawati'),
);

const BATAK_MALE = words(
  'Maruli Togar Sahat Lamhot Pardamean Hotman Rinto Poltak Tigor Marihot Parlindungan Bonar Binsar Halomoan ' +
    'Manahan Jonathan Daniel Yohannes Robert Hendrik Sudung',
);
const BATAK_FEMALE = words(
  'Rotua Tiurma Romauli Rosmawati Sondang Nurmala Lasma Dame Hotnida Rumondang Rosdiana Maria Ruth Esther',
);
const MARGA = words(
  'Siregar Simanjuntak Nasution Lubis Harahap Sitompul Nainggolan Pardede Sihombing Hutapea Situmorang ' +
    'Panjaitan Simatupang Tambunan Sinaga Manurung Silalahi Hutagalung Simbolon Sitorus Napitupulu Sianturi ' +
    'Marpaung Pasaribu Gultom Hutabarat Sembiring Ginting Tarigan Purba Saragih Damanik',
);

const MINANG_MALE = words(
  'Afrizal Syafrizal Yusrizal Zulkifli Hendri Darnis Asmar Jasman Syamsuddin Rusli Erizal Zulfikar Indra ' +
    'Nofrizal Yuliandri Aidil Fadhil Mardianto Syahrial',
);
const MINANG_FEMALE = words(
  'Erniwati Yusnimar Rosmaniar Jasmaniar Yulnita Nurlela Desmawati Fitriani Syafrida Yenti Nelly Yusnidar ' +
    'Rosnelly Elvi Marlina',
);

const BALI_ORDER_MALE = [['Wayan', 'Putu', 'Gede'], ['Made', 'Kadek', 'Nengah'], ['Nyoman', 'Komang'], ['Ketut']];
const BALI_ORDER_FEMALE = [['Wayan', 'Putu', 'Luh'], ['Made', 'Kadek', 'Nengah'], ['Nyoman', 'Komang'], ['Ketut']];
const BALI_MALE = words(
  'Sudarsana Artawan Suardana Wirawan Suarjana Budiarta Sukadana Astawa Mertayasa Sutama Darmawan Suparta ' +
    'Wijaya Adnyana Sudiarta Suwendra Arsana',
);
const BALI_FEMALE = words(
  'Sukerti Suartini Ariani Sudiani Murniati Suwarni Sriasih Astuti Lestari Sukarmi Wardani Suarni Rai Ayu',
);

const CHINESE_INDONESIAN_GIVEN_MALE = words(
  'Hendra Budi Andi Hendrik Felix Rudy Susanto Kurniawan Yohanes Stefanus Anton Wijaya Gunawan Teddy Hartono',
);
const CHINESE_INDONESIAN_GIVEN_FEMALE = words(
  'Lina Linda Yenny Sherly Fransiska Susi Lili Meliana Wati Monica Cindy Fenny',
);
const CHINESE_INDONESIAN_FAMILY = words(
  'Wijaya Halim Santoso Gunawan Tanoto Salim Tanuwijaya Sutanto Kusuma Hartono Setiadi Tanujaya Lim Tan',
);
const CHINESE_SURNAME = words('Tan Lie Liem Oei Tjoa Kwee Go The Ong Lauw');
const CHINESE_SYLLABLE = words('Ah Kow Giok Hwa Swie King Hong Djien Kim Lan Tek Siok Kian Seng Bun Tjong Mei Hui');

const EAST_MALE = words(
  'Yohanes Yakobus Fransiskus Agustinus Petrus Paulus Marthen Yermias Yulianus Kornelis Ferdinandus Aloysius ' +
    'Markus Simon Yosef Daniel Melkianus Obed',
);
const EAST_FEMALE = words(
  'Maria Yosefina Margaretha Agustina Fransiska Yuliana Martha Veronika Theresia Elisabeth Anastasia Kristina ' +
    'Priska Yohana Selfina',
);
const EAST_FAMILY = words(
  'Manek Bria Nahak Seran Tefa Ndun Messakh Radja Manafe Fernandez Tanaem Neno Kolo Wenda Wonda Tabuni ' +
    'Kogoya Rumbiak Mandowen Kafiar Yoku Wanimbo Murib Mirino Rumbewas Karubaba Enembe Wakerkwa',
);

/** Familiar forms that no spelling rule reaches: a matcher can only learn them from aliases. */
const KNOWN_NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Muhammad: ['Mamat', 'Amat', 'Mamad'],
  Ahmad: ['Mamad', 'Amat'],
  Slamet: ['Memet', 'Met'],
  Sutrisno: ['Tris', 'Trisno'],
  Bambang: ['Bams'],
  Agus: ['Gus'],
  Yohanes: ['Anis', 'Jo'],
  Fransiskus: ['Frans', 'Sisko'],
  Fransiska: ['Siska'],
  Petrus: ['Pit'],
  Wayan: ['Yan'],
  Ketut: ['Tut'],
  Nyoman: ['Man'],
  Abdullah: ['Dul'],
  Elisabeth: ['Lisa', 'Betty'],
  Margaretha: ['Eta', 'Greta'],
  Yosefina: ['Ina', 'Fin'],
};

/** A person's name, drawn from their tradition. */
export function drawName(random: Random, tradition: Tradition, sex: Sex): GivenName {
  const name = draw(random, tradition, sex);
  const given = name.words.find((word) => !['I', 'Ni', 'Luh', 'Muhammad', 'Siti', 'Nur'].includes(word));
  // A familiar form needs a word of two syllables or more (not Tan, Lie, Tjoa).
  const familiar = given && given.length >= 4 && /[aeiou][^aeiou]+[aeiou]/i.test(given) ? [familiarForm(given)] : [];
  const nicknames = [...(KNOWN_NICKNAMES[name.words[0] ?? ''] ?? []), ...familiar];
  return { words: name.words, nicknames: [...new Set(nicknames)].filter((nick) => !name.words.includes(nick)) };
}

function draw(random: Random, tradition: Tradition, sex: Sex): { words: string[] } {
  const male = sex === 'male';
  switch (tradition) {
    case 'javanese': {
      const first = random.zipf(male ? JAVANESE_MALE : JAVANESE_FEMALE, 0.8);
      // Most older Javanese have one name; a second is drawn until it fits the sex.
      if (random.chance(0.45)) return { words: [first] };
      return { words: [first, secondFitting(random, JAVANESE_SECOND, FEMALE_SECOND, male)] };
    }
    case 'muslim': {
      if (male) {
        const lead = random.weighted([
          ['Muhammad', 5],
          ['Ahmad', 2],
          ['Abdul', 1.2],
          ['', 3],
        ] as const);
        if (lead === 'Abdul') return { words: ['Abdul', random.zipf(ABDUL)] };
        const second = random.zipf(MUSLIM_MALE, 0.8);
        return { words: lead === '' ? [second] : [lead, second] };
      }
      const lead = random.weighted([
        ['Siti', 6],
        ['Nur', 2],
        ['', 3],
      ] as const);
      const second = random.zipf(MUSLIM_FEMALE, 0.8);
      return { words: lead === '' ? [second] : [lead, second] };
    }
    case 'sundanese': {
      const first = random.zipf(male ? SUNDANESE_MALE : SUNDANESE_FEMALE, 0.8);
      if (random.chance(0.35)) return { words: [first] };
      return { words: [first, secondFitting(random, SUNDANESE_SECOND, SUNDANESE_FEMALE_SECOND, male)] };
    }
    case 'batak': {
      const given = random.zipf(male ? BATAK_MALE : BATAK_FEMALE, 0.7);
      const marga = random.zipf(MARGA, 0.7);
      // A married woman may carry her marga as 'boru' (br.); the words stay, spelled several ways.
      if (!male && random.chance(0.25)) return { words: [given, random.pick(['br.', 'boru']), marga] };
      return { words: [given, marga] };
    }
    case 'minang': {
      const given = random.zipf(male ? MINANG_MALE : MINANG_FEMALE, 0.7);
      if (random.chance(0.6)) return { words: [given] };
      return { words: [given, random.zipf(male ? MINANG_MALE : MINANG_FEMALE, 0.7)] };
    }
    case 'balinese': {
      const order = random.pick(male ? BALI_ORDER_MALE : BALI_ORDER_FEMALE);
      const position = random.weighted(order.map((word, rank) => [word, 1 / (rank + 1)] as const));
      const given = random.zipf(male ? BALI_MALE : BALI_FEMALE, 0.7);
      if (male) return { words: ['I', position, given] };
      return { words: position === 'Luh' ? ['Ni', 'Luh', given] : ['Ni', position, given] };
    }
    case 'chinese-indonesian': {
      if (random.chance(0.25)) {
        return { words: [random.zipf(CHINESE_SURNAME), random.pick(CHINESE_SYLLABLE), random.pick(CHINESE_SYLLABLE)] };
      }
      const given = random.zipf(male ? CHINESE_INDONESIAN_GIVEN_MALE : CHINESE_INDONESIAN_GIVEN_FEMALE, 0.7);
      return { words: [given, random.zipf(CHINESE_INDONESIAN_FAMILY, 0.7)] };
    }
    case 'east-christian':
      return { words: [random.zipf(male ? EAST_MALE : EAST_FEMALE, 0.7), random.zipf(EAST_FAMILY, 0.6)] };
  }
}

function secondFitting(random: Random, pool: readonly string[], female: ReadonlySet<string>, male: boolean): string {
  const fitting = pool.filter((word) => female.has(word) !== male);
  return random.zipf(fitting, 0.8);
}

/**
 * The usual familiar form of a word: its last syllable doubled for short words (Rizki: Kiki, Dewi:
 * Wiwi), its last two syllables for long ones (Suparman: Parman, Wahyuni: Yuni).
 */
export function familiarForm(word: string): string {
  const parts = syllables(word.toLowerCase());
  let form: string;
  if (parts.length >= 3) {
    form = parts.slice(-2).join('');
  } else {
    const open = (parts[parts.length - 1] ?? '').replace(/[^aeiou]+$/, '');
    const tail = /[^aeiou]?[aeiou]+$/.exec(open)?.[0] ?? open;
    form = `${tail}${tail}`;
  }
  return form.charAt(0).toUpperCase() + form.slice(1);
}

/** Syllables, each consonant before a vowel opening the next (ng, ny, kh, sy as one). */
function syllables(word: string): string[] {
  const vowel = (c: string | undefined) => c !== undefined && 'aeiou'.includes(c);
  const parts: string[] = [];
  let start = 0;
  let voiced = false;
  for (let i = 0; i < word.length;) {
    if (vowel(word[i])) {
      voiced = true;
      i += 1;
      continue;
    }
    const digraph = ['ng', 'ny', 'kh', 'sy'].includes(word.slice(i, i + 2)) && vowel(word[i + 2]);
    if (voiced && (digraph || vowel(word[i + 1]))) {
      parts.push(word.slice(start, i));
      start = i;
      voiced = false;
      i += digraph ? 2 : 1;
      continue;
    }
    i += 1;
  }
  parts.push(word.slice(start));
  return parts;
}

/** A word in the spelling before 1972 (Soewandi): u as oe, j as dj, c as tj, y as j, ny as nj, sy as sj, kh as ch. */
export function oldSpelling(word: string): string {
  // One pass, so that no replacement is read again (the ch of Achmad is already old, not a c).
  const OLD: Readonly<Record<string, string>> = {
    kh: 'ch',
    ch: 'ch',
    ny: 'nj',
    sy: 'sj',
    j: 'dj',
    y: 'j',
    c: 'tj',
    u: 'oe',
  };
  return word.replace(/kh|ch|ny|sy|j|y(?=[aeiou])|c|u/gi, (found) => {
    const old = OLD[found.toLowerCase()] ?? found;
    return found[0] === found[0]?.toUpperCase() ? old.charAt(0).toUpperCase() + old.slice(1) : old;
  });
}

/** The many ways Muhammad and Ahmad are written on documents and by hand. */
export const WRITTEN_FORMS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  Muhammad: [
    ['Muhammad', 5],
    ['Muhamad', 2],
    ['Mochamad', 1.5],
    ['Mohammad', 1.5],
    ['Mohamad', 1],
    ['Moch.', 0.7],
    ['Moh.', 0.7],
    ['M.', 1],
  ],
  Ahmad: [
    ['Ahmad', 5],
    ['Achmad', 2],
    ['Akhmad', 1],
  ],
  Rizki: [
    ['Rizki', 3],
    ['Rizky', 3],
    ['Rizqi', 1],
  ],
  Fatimah: [
    ['Fatimah', 3],
    ['Fatima', 1],
  ],
  Rahmat: [
    ['Rahmat', 3],
    ['Rachmat', 2],
  ],
  Saiful: [
    ['Saiful', 2],
    ['Syaiful', 2],
  ],
  Yohanes: [
    ['Yohanes', 3],
    ['Johanes', 1],
    ['Yohannes', 1],
  ],
};
