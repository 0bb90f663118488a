import type { Timed } from '../../harness/measure';
import type { EventStoreSubject } from './subject';

/**
 * Concurrent writers in a closed loop: each appends to streams it alone owns, round-robin, each
 * call expecting the version its previous append left, and waits for one append before the next.
 * Versions carry over from run to run, so the warm-up and the runs share the streams.
 */
export class Writers {
  private readonly versions: number[][];

  constructor(
    private readonly subject: EventStoreSubject,
    private readonly eventsPerAppend: number,
    writers: number,
    streamsPerWriter: number,
  ) {
    this.versions = Array.from({ length: writers }, () => new Array<number>(streamsPerWriter).fill(0));
  }

  /** Appends until `durationMs` has passed; the calls then in flight finish and count. */
  async run(durationMs: number): Promise<Timed> {
    const started = performance.now();
    const deadline = started + durationMs;
    let events = 0;
    await Promise.all(
      this.versions.map(async (versions, writer) => {
        for (let stream = 0; performance.now() < deadline; stream = (stream + 1) % versions.length) {
          const expected = versions[stream] ?? 0;
          await this.subject.append(`writer-${writer}-stream-${stream}`, this.eventsPerAppend, expected);
          versions[stream] = expected + this.eventsPerAppend;
          events += this.eventsPerAppend;
        }
      }),
    );
    return { units: events, elapsedMs: performance.now() - started };
  }
}
