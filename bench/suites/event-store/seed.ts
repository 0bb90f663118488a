import { EVENTS_PER_SEED_APPEND } from '../../harness/settings';
import type { EventStoreSubject } from './subject';

/** The stream the read-stream row reads whole. */
export const LONG_STREAM = 'long-stream';
export const LONG_STREAM_EVENTS = 1_000;

/** Enough concurrent appends that group commit and the server's cores are kept busy. */
const SEED_WRITERS = 16;

/**
 * Fills a store fast through its own append path: `events` events as streams of 100 appended whole
 * by concurrent writers, then the 1,000-event long stream. Resolves with the events it holds.
 */
export async function seedStore(
  subject: EventStoreSubject,
  events: number,
  log: (message: string) => void,
): Promise<number> {
  const started = performance.now();
  const streams = events / EVENTS_PER_SEED_APPEND;
  const progressEvery = Math.max(1, Math.floor(streams / 4));
  let next = 0;
  await Promise.all(
    Array.from({ length: SEED_WRITERS }, async () => {
      for (let stream = next++; stream < streams; stream = next++) {
        await subject.append(`seed-${stream}`, EVENTS_PER_SEED_APPEND, 0);
        if ((stream + 1) % progressEvery === 0) {
          log(`${subject.name} seeding: ${(stream + 1) * EVENTS_PER_SEED_APPEND} events appended`);
        }
      }
    }),
  );
  for (let version = 0; version < LONG_STREAM_EVENTS; version += EVENTS_PER_SEED_APPEND) {
    await subject.append(LONG_STREAM, EVENTS_PER_SEED_APPEND, version);
  }
  const total = events + LONG_STREAM_EVENTS;
  const seconds = (performance.now() - started) / 1_000;
  log(`${subject.name} seeded ${total} events in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} events/s)`);
  return total;
}
