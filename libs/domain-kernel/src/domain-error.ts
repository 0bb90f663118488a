/**
 * How a broken rule reads at the HTTP edge: `conflict` (409: the state does not allow it now),
 * `invalid` (422: the request can never be right), `forbidden` (403: not this agency's to do),
 * `not-found` (404: no such thing, or not one this agency may see), `not-a-party` (404 as well: see
 * NotAPartyError).
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'forbidden' | 'not-found' | 'not-a-party';

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

/**
 * The agency is no party of the object (not its owning office, not the RSJ or panti it is
 * addressed to): to it the object does not exist, so the edge answers as for an unknown one
 * (404 `<object>.not-found`), also on writes, and only the log keeps which rule it broke. A party
 * check therefore comes before any check of the object's state, which would tell that it exists.
 */
export class NotAPartyError extends DomainError {
  constructor(
    /** What the caller named: `case`, `referral`, `placement`… */
    readonly object: string,
    code: string,
    detail: string,
  ) {
    super(code, detail, 'not-a-party');
  }
}
