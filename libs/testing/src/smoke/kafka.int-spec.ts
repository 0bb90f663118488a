import { Kafka, logLevel } from 'kafkajs';
import { Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { useRealInfrastructure } from '../real-infrastructure';

const infra = useRealInfrastructure();

const messages = [
  { key: 'person-1', value: 'PickupReported' },
  { key: 'person-1', value: 'PersonHandedOverToDinasSosial' },
  { key: 'person-2', value: 'PickupReported' },
];

describe('Kafka for a test file', () => {
  it('gives each file its own topic names', () => {
    expect(infra.topics.name('pickups')).toMatch(/^t[0-9a-f]{8}\.pickups$/);
  });

  it('round-trips messages with kafkajs, in order per key', async () => {
    const topic = await infra.topics.create('kafkajs-smoke', 3);
    const kafka = new Kafka({ clientId: 'smoke', brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `${topic}.group` });
    const received: { key: string; value: string }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            received.push({ key: String(message.key), value: String(message.value) });
            if (received.length === messages.length) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();

    expect(received).toHaveLength(3);
    expect(received.filter((m) => m.key === 'person-1').map((m) => m.value)).toEqual([
      'PickupReported',
      'PersonHandedOverToDinasSosial',
    ]);
    expect(received).toEqual(expect.arrayContaining(messages));
  });

  it('round-trips messages with @platformatic/kafka', async () => {
    const topic = await infra.topics.create('platformatic-smoke', 3);
    const producer = new Producer({
      clientId: 'smoke',
      bootstrapBrokers: infra.kafkaBrokers,
      serializers: stringSerializers,
    });
    await producer.send({ messages: messages.map((m) => ({ ...m, topic })) });
    await producer.close();

    const consumer = new Consumer({
      clientId: 'smoke',
      groupId: `${topic}.group`,
      bootstrapBrokers: infra.kafkaBrokers,
      deserializers: stringDeserializers,
    });
    const stream = await consumer.consume({ topics: [topic], mode: 'earliest' });
    const received: { key: string; value: string }[] = [];
    for await (const message of stream) {
      received.push({ key: message.key, value: message.value });
      if (received.length === messages.length) break;
    }
    await stream.close();
    await consumer.close();

    expect(received.filter((m) => m.key === 'person-1').map((m) => m.value)).toEqual([
      'PickupReported',
      'PersonHandedOverToDinasSosial',
    ]);
    expect(received).toEqual(expect.arrayContaining(messages));
  });
});
