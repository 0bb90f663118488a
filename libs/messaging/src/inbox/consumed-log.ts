import type { Logger } from 'pino';
import type { CloudEvent } from '../cloudevents/cloud-event';
import type { ConsumedOutcome } from './inbox-consumer';

/**
 * One line per event consumed, written in the event's trace (the logger adds its ids): what it
 * was, where from, which journey, and what became of it; never its data. An event that ran a
 * reaction is info; one skipped or already handled is debug.
 */
export function logConsumed(logger: Logger): (event: CloudEvent, outcome: ConsumedOutcome) => void {
  return (event, outcome) =>
    logger[outcome === 'reacted' ? 'info' : 'debug'](
      {
        event: { type: event.type, id: event.id, source: event.source },
        ...(event.correlationid && { correlationId: event.correlationid }),
        outcome,
      },
      `${event.type} ${outcome}`,
    );
}
