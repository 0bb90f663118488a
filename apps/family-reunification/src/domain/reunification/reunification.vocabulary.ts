/**
 * What set family tracing going: an assessment, a discharge, the end of rehabilitation, a family's
 * tracing request matched and confirmed, or the office itself.
 */
export const TRACING_TRIGGERS = [
  'assessment',
  'rsj-discharge',
  'rehabilitation-terminated',
  'tracing-match',
  'office',
] as const;
export type TracingTrigger = (typeof TRACING_TRIGGERS)[number];

export const FAMILY_READINESS = ['ready', 'not-ready', 'refuses'] as const;
export type FamilyReadiness = (typeof FAMILY_READINESS)[number];

export const LONG_TERM_REASONS = ['no-family', 'family-unable'] as const;
export type LongTermReason = (typeof LONG_TERM_REASONS)[number];

export const CASE_OUTCOMES = ['reunified', 'long-term-placement', 'died', 'lost-to-follow-up', 'transferred'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
