import type { ConsumeOptions, OutgoingMessage, Publisher, Subscription, TopicSpec, Transport } from './transport';

/**
 * Puts an installation's prefix before every topic name, so that several installations (or test
 * runs) share one cluster without meeting; the code above names topics as the contracts do.
 */
export class PrefixedTransport implements Transport {
  constructor(
    private readonly inner: Transport,
    private readonly prefix: string,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  topic(name: string): string {
    return `${this.prefix}${name}`;
  }

  createTopics(topics: readonly TopicSpec[]): Promise<void> {
    return this.inner.createTopics(topics.map((t) => ({ ...t, name: this.topic(t.name) })));
  }

  async publisher(): Promise<Publisher> {
    const inner = await this.inner.publisher();
    return {
      send: (messages: readonly OutgoingMessage[]) =>
        inner.send(messages.map((m) => ({ ...m, topic: this.topic(m.topic) }))),
      close: () => inner.close(),
    };
  }

  /**
   * A publisher of messages that already carry their topic's full name, as it was read (a dead
   * letter sent again to the topic it came from): it adds no prefix.
   */
  publisherOfReadTopics(): Promise<Publisher> {
    return this.inner.publisher();
  }

  consume(options: ConsumeOptions): Promise<Subscription> {
    return this.inner.consume({ ...options, topics: options.topics.map((t) => this.topic(t)) });
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
