import { EdgeError } from './problems/http-errors';

// A unit's clock may run a little ahead of ours; beyond this, the time is a mistake, not drift.
const CLOCK_SKEW_MS = 5 * 60_000;
const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * When it happened in the field (an offline unit submits hours or days later), else now. Kept as
 * given, with its offset, so that the field's own calendar day (a follow-up due "in one month")
 * stays what the agency meant. A time without an offset is refused: read in the server's zone it
 * could be hours off (WIB, WITA, WIT).
 */
export function occurredAt(given: string | undefined, now = new Date()): string {
  if (given === undefined) return now.toISOString();
  const at = new Date(given);
  if (Number.isNaN(at.getTime()) || !OFFSET.test(given)) {
    throw new EdgeError(
      422,
      'occurred-at.invalid',
      'occurredAt must be a date-time with an offset, e.g. 2025-05-31T10:00:00+07:00',
    );
  }
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new EdgeError(422, 'occurred-at.future', 'occurredAt lies in the future');
  }
  return given;
}

/**
 * A field time given by a client, in UTC. A time without an offset is passed on as given, for the
 * domain to refuse with its own rule.
 */
export function instant(given: string): string {
  const at = new Date(given);
  if (Number.isNaN(at.getTime()) || !OFFSET.test(given)) return given;
  return at.toISOString();
}
