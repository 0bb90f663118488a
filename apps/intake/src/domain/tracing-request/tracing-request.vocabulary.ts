export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** Who asks, and how to reach them: the family, through the registering agency. */
export interface Requester {
  name: string;
  relation: string;
  /** Phone, address, or how else the family is reached. */
  contact: string;
}

/** What the family knows of the missing relative; anything but a name may be unknown. */
export interface SoughtPerson {
  /** The names they go by, each as the family writes it. */
  names: string[];
  /** As written; spaces, dots and hyphens are stripped, the rest is the family's claim. */
  nik?: string;
  sex?: Sex;
  /** YYYY-MM-DD */
  birthDate?: string;
  /** The age the family gives when they were last seen; a single age is min = max. */
  ageRange?: { min: number; max: number };
  /** An object-store reference, never the image (docs/domain.md, "Unidentified persons"). */
  photoReference?: string;
  /** Distinguishing marks, as words (scars, tattoos, a limp). */
  marks: string[];
  /** Known conditions (a diagnosis, medication, a disability), as the family tells them. */
  conditions: string[];
}

/** Where and when the relative was last seen: the code and the day stay clear for access and matching. */
export interface LastSeen {
  /** Kemendagri code: province (2 digits), kabupaten/kota (4) or finer. */
  regionCode: string;
  /** YYYY-MM-DD */
  on: string;
  /** The place in words, e.g. 'Pasar Lawang'. */
  place?: string;
}

/** `open` takes proposals and decisions; `withdrawn` and `found` are final. */
export const TRACING_REQUEST_STATUSES = ['open', 'withdrawn', 'found'] as const;
export type TracingRequestStatus = (typeof TRACING_REQUEST_STATUSES)[number];

/** A rejected pair stays rejected: it is never proposed again. */
export const CANDIDATE_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
