/**
 * The PostgreSQL error codes (SQLSTATE, appendix A of its manual) that Lintas reacts to, by name,
 * so that each reaction reads as what happened rather than as a five-character code.
 */
export const SqlState = {
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  lockNotAvailable: '55P03',
} as const;

export type SqlStateCode = (typeof SqlState)[keyof typeof SqlState];

/** Whether `error` is PostgreSQL's error with one of these codes (pg puts the SQLSTATE on `code`). */
export function hasSqlState(error: unknown, ...codes: SqlStateCode[]): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (codes as string[]).includes(code);
}
