/** The stages whose length is measured (docs/indicators.md, "Time per stage"). */
export const STAGES = ['intake', 'treatment', 'rehabilitation', 'reunification'] as const;
export type Stage = (typeof STAGES)[number];

/** Something that happened once, counted in the period it happened in. */
export interface EventFact {
  indicator:
    | 'persons-returned'
    | 'cases-closed'
    | 'rsj-referral-declines'
    | 'placement-declines'
    | 'panti-admissions'
    | 'panti-terminations'
    | 'follow-ups'
    | 'tracing-requests-registered'
    | 'tracing-matches'
    | 'complaints-filed'
    | 'complaints-answered'
    | 'complaints-escalated';
  breakdown: string | null;
  /** What is counted once per period: a person, a case, a referral, a placement, a visit, a request, a pair, a complaint. */
  key: string;
  /** An instant (epoch ms), or a calendar day already local (a follow-up's due day). */
  at: number | string;
  /** The kabupaten/kota (4 digits) or province (2) it counts in; undefined when no event tells. */
  region: string | undefined;
}

/** A length of time that ended (a stay in a stage, a family's wait): it counts in the period it ended in. */
export interface DurationFact {
  indicator: 'stage-days' | 'tracing-days-to-return';
  /** The stage, for stage-days. */
  breakdown: string | null;
  days: number;
  end: number;
  region: string | undefined;
}

/** A time during which something was open (a case, a resident, a request, an overdue complaint): counted at period ends. */
export interface SpellFact {
  indicator: 'caseload' | 'panti-residents' | 'tracing-requests-open' | 'complaints-overdue';
  /** The office, the panti, the agency a complaint waits on; null when the indicator has no breakdown. */
  breakdown: string | null;
  /** The case, the placement, the request, the complaint. */
  key: string;
  start: number;
  /** Exclusive; null while open. */
  end: number | null;
  region: string | undefined;
}

export interface JourneyFacts {
  events: EventFact[];
  durations: DurationFact[];
  spells: SpellFact[];
}
