import { randomUUID } from 'node:crypto';
import type { AnyContract } from '@lintas/contracts/contract';
import type { CloudEvent } from '@lintas/messaging/cloudevents/cloud-event';
import { fromKafkaMessage, toKafkaMessage } from '@lintas/messaging/cloudevents/kafka-binary-binding';
import { PgLogTransport } from '@lintas/messaging/transport/pg-log/pg-log-transport';
import { PlatformaticTransport } from '@lintas/messaging/transport/platformatic/platformatic-transport';
import type { Publisher, Subscription, Transport } from '@lintas/messaging/transport/transport';
import type { RealInfrastructure } from '../real-infrastructure';

/**
 * The other services around the one under test, as its integration test plays them: they publish
 * contract events on the file's topics, and hear what the service publishes on its own topic.
 */
export class NeighbouringServices {
  /** Everything the service under test published on its topic, as CloudEvents, in arrival order. */
  readonly published: CloudEvent[] = [];

  private reader?: Subscription;
  private closed?: Promise<void>;

  private constructor(
    private readonly infra: RealInfrastructure,
    private readonly transport: Transport,
    private readonly publisher: Publisher,
  ) {}

  /**
   * Listens on the service's topic from its first message; closed before the file's topics go.
   * On Kafka, or on the PostgreSQL log of the file's database for a service run with `pg-log`.
   */
  static async open(
    infra: RealInfrastructure,
    serviceTopic: string,
    on: 'kafka' | 'pg-log' = 'kafka',
  ): Promise<NeighbouringServices> {
    const transport =
      on === 'kafka'
        ? new PlatformaticTransport({ brokers: infra.kafkaBrokers, clientId: 'neighbours' })
        : new PgLogTransport({ pool: infra.createPool() });
    const neighbours = new NeighbouringServices(infra, transport, await transport.publisher());
    infra.defer(() => neighbours.close());
    neighbours.reader = await transport.consume({
      groupId: `neighbours-${randomUUID()}`,
      topics: [infra.topics.name(serviceTopic)],
      handle: async (batch) => void neighbours.published.push(...batch.map(fromKafkaMessage)),
    });
    return neighbours;
  }

  /** What the service published about a person as one contract. */
  publishedAs(contract: AnyContract, personId: string): CloudEvent[] {
    return this.published.filter((event) => event.type === contract.type && event.subject === personId);
  }

  /** Publishes a contract event as its owning service would; resolves with the CloudEvent id. */
  async publish(contract: AnyContract, personId: string, data: unknown, id: string = randomUUID()): Promise<string> {
    const event: CloudEvent = {
      specversion: '1.0',
      id,
      source: '/lintas/test',
      type: contract.type,
      time: new Date().toISOString(),
      subject: personId,
      datacontenttype: 'application/json',
      correlationid: id,
      data,
    };
    await this.publisher.send([toKafkaMessage(event, this.infra.topics.name(contract.topic), personId)]);
    return id;
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      await this.reader?.stop();
      await this.publisher.close();
      await this.transport.close();
    })();
    return this.closed;
  }
}
