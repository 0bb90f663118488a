/** A case is open from its registration until it is closed (here or in family-reunification). */
export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What became of an earlier person proposed as the same one: a worker links or rejects it. */
export const CANDIDATE_STATUSES = ['pending', 'rejected', 'linked'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** The decision of the initial assessment (docs/domain.md, "Steps": intake); the balai is the last resort. */
export const ASSESSMENT_DECISIONS = ['rsj', 'panti', 'home', 'community'] as const;
export type AssessmentDecision = (typeof ASSESSMENT_DECISIONS)[number];

export const RISK_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** How a case ends; the same words family-reunification uses in its CaseClosed. */
export const CASE_OUTCOMES = ['reunified', 'long-term-placement', 'died', 'lost-to-follow-up', 'transferred'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** Where the person was when they ran away (kabur). */
export const ABSCONDED_FROM = ['rsj', 'panti', 'shelter'] as const;
export type AbscondedFrom = (typeof ABSCONDED_FROM)[number];

export const LEGAL_GROUNDS = ['legal-obligation', 'vital-interest', 'public-task'] as const;
export type LegalGround = (typeof LEGAL_GROUNDS)[number];

/**
 * The lawful ground of processing (UU 27/2022 Pasal 20): consent by the person or, for a child or a
 * person without capacity, by a guardian (Pasal 25–26); otherwise another ground when consent is
 * impossible, its legal reference kept as data: laws are revoked and renumbered (UU 18/2014 by UU 17/2023),
 * so an article is never hard-coded (docs/domain.md, "Personal data").
 */
export type ProcessingBasis =
  | { kind: 'consent'; givenBy: 'person' }
  | { kind: 'consent'; givenBy: 'guardian'; guardian: { name: string; relation: string } }
  | { kind: 'legal-basis'; reference: string; ground?: LegalGround; whyNoConsent?: string };
