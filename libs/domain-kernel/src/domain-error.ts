/**
 * How a broken rule reads at the HTTP edge: `conflict` (409: the state does not allow it now),
 * `invalid` (422: the request can never be right), `forbidden` (403: not this agency's to do),
 * `not-found` (404: no such thing, or not one this agency may see).
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'forbidden' | 'not-found';

/**
 * A domain rule said no. The code is a stable string (`referral.not-pending`) that clients can
 * branch on; the detail is for people and never holds personal data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly kind: DomainErrorKind = 'conflict',
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
  }
}
