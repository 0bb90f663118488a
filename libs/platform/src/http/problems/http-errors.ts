/**
 * Errors of the HTTP edge itself, each with its problem code. The filter turns them, like domain
 * errors, into problem+json; nothing throws Nest's HttpException.
 */
export class EdgeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    /** Response headers the problem needs, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'EdgeError';
  }
}

export interface FieldError {
  /** The field's path in the body, e.g. `location.regionCode`. */
  field: string;
  messages: string[];
}

export class InvalidRequestError extends EdgeError {
  constructor(readonly errors: FieldError[]) {
    super(400, 'request.invalid', `${errors.length} field(s) are not valid: ${errors.map((e) => e.field).join(', ')}`, {
      errors,
    });
  }
}

export class NotAuthenticatedError extends EdgeError {
  /** `reason` says what was wrong with the token, never what it holds. */
  constructor(reason?: string) {
    super(401, 'agency.not-authenticated', `a valid agency bearer token is required${reason ? ` (${reason})` : ''}`);
  }
}

/** The identity provider's keys could not be read: retry shortly, the token itself may be fine. */
export class IssuerUnavailableError extends EdgeError {
  constructor() {
    super(
      503,
      'identity-provider.unavailable',
      "the identity provider's keys could not be read to check the token; try again shortly",
      { retryAfter: 1 },
      { 'retry-after': '1' },
    );
  }
}

export class NotAllowedError extends EdgeError {
  constructor(kind: string) {
    super(403, 'agency.not-allowed', `an agency of kind '${kind}' may not do this`);
  }
}

export class ScopeMissingError extends EdgeError {
  constructor(scopes: readonly string[]) {
    super(403, 'agency.scope-missing', `the token needs the scope ${scopes.join(' ')}`);
  }
}

export class PreconditionError extends EdgeError {
  constructor(code: string, detail: string, status = 412, extra: Record<string, unknown> = {}) {
    super(status, code, detail, extra);
  }
}

export class RateLimitedError extends EdgeError {
  constructor(retryAfterSeconds: number) {
    super(
      429,
      'rate-limited',
      `too many requests from this client; try again in ${retryAfterSeconds} s`,
      { retryAfter: retryAfterSeconds },
      { 'retry-after': String(retryAfterSeconds) },
    );
  }
}
