/**
 * One side of a possible match: what a tracing request says of the missing relative, or what the
 * services know of a person found (unidentified or unconfirmed). Any field may be unknown.
 */
export interface PersonDescription {
  /** The names it goes by, each as written (with honorifics, old spellings, in any order). */
  names: readonly string[];
  nik?: string;
  sex?: 'male' | 'female';
  /** Known birth date (ISO), or else an age range (a stated age, an apparent one). */
  birthDate?: string;
  ageRange?: { min: number; max: number };
  /** Kemendagri region code of where they were last seen or found (kab/kota 4 digits, province 2). */
  regionCode?: string;
  /** When they were last seen (a tracing request) or found (a person found), ISO. */
  at?: string;
  /** Distinguishing marks, as words (scars, tattoos, a limp). */
  marks?: readonly string[];
}
