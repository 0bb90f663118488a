import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { describeTransportContract } from '../../../test/transport-contract';
import { PlatformaticTransport } from './platformatic-transport';

const infra = useRealInfrastructure();

// The infrastructure is read inside the contract's tests, once its beforeAll has run.
describeTransportContract('platformatic', () => ({
  open: async () => new PlatformaticTransport({ brokers: infra.kafkaBrokers, clientId: 'test' }),
  topicName: (name) => infra.topics.name(name),
}));
