import type { EventStoreSubject } from './subject';

interface Head {
  version: number;
  /** The stream's last append, finished or not: the next one waits for it. */
  tail: Promise<void>;
}

/**
 * Single-event appends spread round-robin over many streams, for an open loop that does not wait
 * for one append before starting the next. An append to a stream whose previous one is still in
 * flight waits for it, as a client that must know the version would; its latency includes the wait.
 */
export class StreamHeads {
  private readonly heads: Head[];

  constructor(
    private readonly subject: EventStoreSubject,
    streams: number,
  ) {
    this.heads = Array.from({ length: streams }, () => ({ version: 0, tail: Promise.resolve() }));
  }

  append(index: number): Promise<void> {
    const stream = index % this.heads.length;
    const head = this.heads[stream];
    if (!head) throw new Error(`no stream ${stream}`);
    const appended = head.tail.then(async () => {
      await this.subject.append(`open-loop-stream-${stream}`, 1, head.version);
      head.version += 1;
    });
    // The caller sees a failure; the stream's next append must not fail again because of it.
    head.tail = appended.catch(() => undefined);
    return appended;
  }
}
