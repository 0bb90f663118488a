import type {
  ConsumeOptions,
  IncomingMessage,
  Publisher,
  Subscription,
  TopicSpec,
  Transport,
} from '@lintas/messaging/transport/transport';

/**
 * A transport that keeps every message it hands to a consumer's handler, as delivered: what a
 * test sees below the inbox (which skips what it handled already), at the transport.
 */
export class WatchedTransport implements Transport {
  readonly delivered: IncomingMessage[] = [];

  constructor(private readonly inner: Transport) {}

  get name(): string {
    return this.inner.name;
  }

  createTopics(topics: readonly TopicSpec[]): Promise<void> {
    return this.inner.createTopics(topics);
  }

  publisher(): Promise<Publisher> {
    return this.inner.publisher();
  }

  consume(options: ConsumeOptions): Promise<Subscription> {
    return this.inner.consume({
      ...options,
      handle: async (batch) => {
        this.delivered.push(...batch);
        await options.handle(batch);
      },
    });
  }

  /** What was delivered of these CloudEvents ids on one topic (its full name), in order. */
  deliveredOn(topic: string, ids: readonly string[]): IncomingMessage[] {
    return this.delivered.filter((m) => m.topic === topic && ids.includes(m.headers.ce_id ?? ''));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
