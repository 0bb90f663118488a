import type { RecordedEvent } from './events/event-types';
import { comparePositions, parsePosition, type GlobalPosition } from './position';

/** A point in the past: a time (what had been recorded by then) or a position of the store. */
export type AsOf = { time: Date } | { position: GlobalPosition };

/**
 * `2026-12-01T08:00:00+07:00` or a position this store answered with (`<transaction>.<sequence>`);
 * undefined when it is neither.
 */
export function parseAsOf(text: string): AsOf | undefined {
  if (/^\d{1,20}\.\d{1,19}$/.test(text)) return { position: parsePosition(text) };
  const time = Date.parse(text);
  return /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(time) ? { time: new Date(time) } : undefined;
}

/**
 * The events of a history that the store held at that point. By the time the store recorded them,
 * not when they happened in the field: a pickup submitted days late was not known before it came.
 */
export function historyAsOf<Event extends RecordedEvent>(history: readonly Event[], asOf: AsOf): Event[] {
  return 'time' in asOf
    ? history.filter((event) => Date.parse(event.metadata.recordedAt) <= asOf.time.getTime())
    : history.filter((event) => comparePositions(event.position, asOf.position) <= 0);
}
