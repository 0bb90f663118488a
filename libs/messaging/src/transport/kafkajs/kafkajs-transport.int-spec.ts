import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { describeTransportContract } from '../../../test/transport-contract';
import { KafkajsTransport } from './kafkajs-transport';

const infra = useRealInfrastructure();

// The infrastructure is read inside the contract's tests, once its beforeAll has run.
describeTransportContract('kafkajs', () => ({
  open: async () => new KafkajsTransport({ brokers: infra.kafkaBrokers, clientId: 'test' }),
  topicName: (name) => infra.topics.name(name),
}));
