import type { SchemaObject } from 'ajv';
import { accessRecordsTopic } from '../admin/access-records.contracts';
import type { AnyContract } from '../contract';
import { FAMILY_REUNIFICATION_CONTRACTS } from '../family-reunification/family-reunification.contracts';
import { HEALTH_LIAISON_CONTRACTS } from '../health-liaison/health-liaison.contracts';
import { INTAKE_CONTRACTS } from '../intake/intake.contracts';
import { REHABILITATION_CONTRACTS } from '../rehabilitation/rehabilitation.contracts';

/** A contract as the document needs it: its routing and the JSON Schema of its data. */
export type DocumentedContract = AnyContract & { readonly schema: SchemaObject };

/** A service and the contracts it publishes, each on the service's own topic. */
export interface Publisher {
  service: string;
  contracts: readonly DocumentedContract[];
}

/** Every service that publishes, with its contracts. The audit service publishes nothing. */
export const PUBLISHERS: readonly Publisher[] = [
  { service: 'intake', contracts: INTAKE_CONTRACTS },
  { service: 'health-liaison', contracts: HEALTH_LIAISON_CONTRACTS },
  { service: 'rehabilitation', contracts: REHABILITATION_CONTRACTS },
  { service: 'family-reunification', contracts: FAMILY_REUNIFICATION_CONTRACTS },
];

type Json = Record<string, unknown>;

/** The Kafka bindings' version, as @asyncapi/specs knows it. */
const KAFKA_BINDING = '0.5.0';

/**
 * The CloudEvents 1.0 attributes of every message, in the Kafka protocol binding's binary mode: `ce_`
 * headers, as `toKafkaMessage` in libs/messaging writes them (kafka-binary-binding.ts), and the data
 * as the value.
 */
const CLOUD_EVENT_HEADERS: Json = {
  type: 'object',
  description: 'CloudEvents 1.0 attributes, Kafka protocol binding, binary content mode.',
  required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'content-type'],
  properties: {
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: {
      type: 'string',
      format: 'uuid',
      description: "The domain event's id; with ce_source, it identifies the message (consumers skip repeats).",
    },
    ce_source: {
      type: 'string',
      pattern: '^/lintas/[a-z-]+$',
      description: 'The publishing service, e.g. `/lintas/health-liaison`.',
    },
    ce_type: { type: 'string', description: 'The contract: its name and version, e.g. `….rsj-referral.accepted.v1`.' },
    ce_time: { type: 'string', format: 'date-time', description: 'When it happened.' },
    'content-type': { type: 'string', const: 'application/json' },
    ce_subject: {
      type: 'string',
      format: 'uuid',
      description:
        'The person the event is about (never a name); also the Kafka key. Absent when there is none, and on an ' +
        'access record that names several persons (its data lists them).',
    },
    ce_correlationid: {
      type: 'string',
      description: "The journey's correlation id, carried from the request or event that started it.",
    },
    ce_causationid: { type: 'string', description: 'The id of the event that caused this one, where one did.' },
    ce_actoragencyid: {
      type: 'string',
      description:
        'The agency that acted (its id in the agency register; never a person), for the cross-agency ledger.',
    },
    ce_actorclientid: { type: 'string', description: "The acting agency's calling system (its OAuth client id)." },
    ce_traceparent: {
      type: 'string',
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description:
        'CloudEvents distributed-tracing extension: the W3C `traceparent` of the trace the event was stored in; ' +
        "the consumer's handling of it continues that trace.",
    },
    ce_tracestate: {
      type: 'string',
      description: 'CloudEvents distributed-tracing extension: the W3C `tracestate` beside ce_traceparent, if any.',
    },
    ce_redeliveryid: {
      type: 'string',
      format: 'uuid',
      description:
        'Set on a copy an admin had the publisher send again (POST /admin/redeliveries): that redelivery, as its ' +
        '`…redelivery.requested.v1` event names it. The event is the one first sent, ce_id included. A copy for one ' +
        'consumer group travels on `<topic>.redelivery.<group>`, which only that group reads.',
    },
  },
};

/**
 * The AsyncAPI 3.1 document of Lintas's integration events: a channel per topic, a message per
 * contract (its data's JSON Schema as payload, CloudEvents headers), and each service's operation
 * of sending its own topic.
 */
export function buildAsyncApiDocument(publishers: readonly Publisher[] = PUBLISHERS): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  for (const { service, contracts } of publishers) {
    const topics = [...new Set(contracts.map((contract) => contract.topic))];
    for (const topic of topics) {
      // `lintas.intake.events` → `intakeEvents`, `lintas.intake.access-records` → `intakeAccessRecords`.
      const channelId = camel(topic.replace(/^lintas\./, ''));
      const published = contracts.filter((contract) => contract.topic === topic);
      const records = topic === accessRecordsTopic(service);
      channels[channelId] = {
        address: topic,
        title: records ? `${service} access records` : `${service} events`,
        description: records
          ? `Every read of people's data in ${service}, and every refused attempt, as its access log records it ` +
            '(who asked, the route and its ids, the persons named and the personal fields the answer carried; no ' +
            "personal values), for the audit service's ledger. A topic of its own: there is one on every read. " +
            'Every installation may put its TOPIC_PREFIX before the name. Keyed by the first person named, so ' +
            "each person's records stay in order on one partition."
          : `What ${service} tells the other services. Every installation may put its TOPIC_PREFIX before the ` +
            "topic's name. Messages are keyed by person, so each person's events stay in order on one partition.",
        messages: Object.fromEntries(
          published.map((contract) => [contract.type, { $ref: `#/components/messages/${contract.type}` }]),
        ),
        bindings: { kafka: { topic, bindingVersion: KAFKA_BINDING } },
      };
      operations[`send${upperFirst(channelId)}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${channelId}` },
        title: `${service} publishes`,
        summary: records
          ? `${service} publishes its access records on ${topic}, from its outbox, each written in its record's transaction.`
          : `${service} publishes its events on ${topic}, from its outbox, after they are committed.`,
        messages: published.map((contract) => ({ $ref: `#/channels/${channelId}/messages/${contract.type}` })),
      };
      for (const contract of published) messages[contract.type] = message(service, contract);
    }
  }

  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Lintas integration events',
      version: '1',
      description:
        'The events each Lintas service publishes for the others, as CloudEvents 1.0 in Kafka binary mode. Each ' +
        'contract has a name and a version (the CloudEvents type ends in `.v<version>`); a change adds a new ' +
        "version beside the old one. Events carry ids, codes and times; a service that needs a person's " +
        'personal data asks through the agency API, where access is checked.',
      license: { name: 'UNLICENSED' },
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: '{brokers}',
        protocol: 'kafka',
        description:
          'The Kafka cluster of an installation (single-machine installations carry the same messages in PostgreSQL).',
        variables: { brokers: { default: '127.0.0.1:9092', description: 'One of KAFKA_BROKERS.' } },
      },
    },
    channels,
    operations,
    components: {
      schemas: { CloudEventHeaders: CLOUD_EVENT_HEADERS },
      messages,
    },
  };
}

function message(service: string, contract: DocumentedContract): Json {
  return {
    name: contract.type,
    title: `${sentence(contract.name.split('.').slice(-2).join(' '))} (v${contract.version})`,
    summary: `${contract.name}, version ${contract.version}, published by ${service}.`,
    contentType: 'application/json',
    headers: {
      allOf: [
        { $ref: '#/components/schemas/CloudEventHeaders' },
        {
          type: 'object',
          properties: {
            ce_type: { type: 'string', const: contract.type },
            ce_source: { type: 'string', const: `/lintas/${service}` },
          },
        },
      ],
    },
    payload: contract.schema,
    correlationId: {
      description: "The journey's correlation id.",
      location: '$message.header#/ce_correlationid',
    },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          description:
            contract.topic === accessRecordsTopic(service)
              ? 'The first person the record names (ce_subject when it names only one), else the message id.'
              : 'The person the event is about (as ce_subject), else the id of the stream it came from.',
        },
        bindingVersion: KAFKA_BINDING,
      },
    },
  };
}

function camel(text: string): string {
  return text.replace(/[-.]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(text: string): string {
  return upperFirst(text.replace(/-/g, ' '));
}
