/** The words of a placement's life; the integration contracts use the same codes. */
export const PLACEMENT_KINDS = ['rehabilitation', 'long-term'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

export const DECLINE_REASONS = ['full', 'not-suitable', 'outside-mandate'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const WITHDRAWAL_REASONS = ['no-longer-needed', 'placed-elsewhere', 'died', 'other'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

export const TERMINATION_REASONS = ['ready-to-return', 'transferred', 'long-term', 'absconded', 'died'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/** Who noticed the relapse (kambuh): the panti, the family on a home visit, or a puskesmas. */
export const RELAPSE_REPORTERS = ['panti', 'family', 'puskesmas'] as const;
export type RelapseReporter = (typeof RELAPSE_REPORTERS)[number];
