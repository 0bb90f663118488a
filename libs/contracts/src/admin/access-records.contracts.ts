import type { SchemaObject } from 'ajv';
import { defineContract, type Contract } from '../contract';
import { instant, oneOf, record, uuid } from '../schema/vocabulary';

/**
 * One access record of a service (UU PDP: who looked at whom, when and at what), as its own
 * `access_records` table holds it: a read of people's data, or an attempt refused. It names people
 * by id and fields by their path in the answer, never a value of them. The ledger files it under
 * every person it names (`personIds`), and, for a refusal, the person the path asked for.
 */
export interface AccessRecordedV1 {
  /** The record's id in the service's `access_records` (a decimal number). */
  recordId: string;
  /** When the service wrote the record, before the answer left. */
  at: string;
  outcome: 'granted' | 'refused';
  /** The HTTP status the caller got. */
  status: number;
  method: string;
  /** The route's pattern, e.g. `/cases/:caseId`. */
  route: string;
  /** The path's parameters: the ids asked for, also when the answer was a refusal. */
  params: Record<string, string>;
  /** The persons the answer named (a refusal: the person the path asked for, if any). */
  personIds: string[];
  /** The personal fields the answer carried, as paths in its body (`identity.name`, `items[].nik`). */
  fields: string[];
  /** Why it was refused (the problem code), or under which emergency access or reason it was granted. */
  reason: string | null;
  /** Who asked: null where the token itself was refused. */
  agencyId: string | null;
  agencyKind: string | null;
  clientId: string | null;
  userId: string | null;
}

/** The topic of a service's access records: its own, beside its events, for there is one on every read. */
export function accessRecordsTopic(service: string): string {
  return `lintas.${service}.access-records`;
}

/** `id.lintas.<service>.access.recorded`: the contract name of a service's access records. */
export function accessRecordedName(service: string): string {
  return `id.lintas.${service}.access.recorded`;
}

// As loose as the table (text columns, no bound): a record the service may write must never fail
// to be published, for a record that cannot be written fails the read.
const anyText: SchemaObject = { type: 'string' };
const nullableText: SchemaObject = { type: ['string', 'null'] };

/**
 * The contract of a service's access records, on the service's own access-record topic
 * (`lintas.<service>.access-records`), so that the audit service's ledger keeps every read of
 * people's data beside their events. Each publishing service lists its own in its `*_CONTRACTS`;
 * the messaging module publishes the records of a service that lists it, from its outbox, written
 * in the record's own transaction.
 */
export function accessRecordedContract(service: string): Contract<AccessRecordedV1> {
  return defineContract<AccessRecordedV1>({
    name: accessRecordedName(service),
    version: 1,
    topic: accessRecordsTopic(service),
    schema: record({
      recordId: { type: 'string', pattern: '^[0-9]{1,20}$' },
      at: instant,
      outcome: oneOf(['granted', 'refused']),
      status: { type: 'integer', minimum: 100, maximum: 599 },
      method: anyText,
      route: anyText,
      params: { type: 'object', additionalProperties: anyText },
      personIds: { type: 'array', items: uuid },
      fields: { type: 'array', items: anyText },
      reason: nullableText,
      agencyId: nullableText,
      agencyKind: nullableText,
      clientId: nullableText,
      userId: nullableText,
    }),
  });
}
