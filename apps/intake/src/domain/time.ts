const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds of an ISO 8601 instant with its offset; null for anything else. Pure: no clock is read. */
export function instantMillis(value: string): number | null {
  if (!INSTANT.test(value)) return null;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? null : millis;
}

/** The calendar year as the instant writes it, i.e. in the writer's own offset. */
export function yearOf(instant: string): number {
  return Number(instant.slice(0, 4));
}
