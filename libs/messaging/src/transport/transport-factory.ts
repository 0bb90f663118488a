import { MESSAGING_TRANSPORTS, type MessagingTransport } from '@lintas/platform/config/service-env';
import type { Pool } from 'pg';
import { KafkajsTransport } from './kafkajs/kafkajs-transport';
import { PgLogTransport } from './pg-log/pg-log-transport';
import { PlatformaticTransport } from './platformatic/platformatic-transport';
import type { Transport } from './transport';

export const TRANSPORTS = MESSAGING_TRANSPORTS;
export type TransportKind = MessagingTransport;

/** The configured transport: two Kafka clients, or the PostgreSQL log of the single-machine mode. */
export function createTransport(
  kind: TransportKind,
  deps: { brokers: string[]; clientId: string; pool: Pool },
): Transport {
  switch (kind) {
    case 'platformatic':
      return new PlatformaticTransport({ brokers: deps.brokers, clientId: deps.clientId });
    case 'kafkajs':
      return new KafkajsTransport({ brokers: deps.brokers, clientId: deps.clientId });
    case 'pg-log':
      return new PgLogTransport({ pool: deps.pool });
  }
}
