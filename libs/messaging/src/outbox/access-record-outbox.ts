import { randomUUID } from 'node:crypto';
import { accessRecordedName, type AccessRecordedV1 } from '@lintas/contracts/admin/access-records.contracts';
import type { AnyContract, Contract } from '@lintas/contracts/contract';
import type { EventStore } from '@lintas/event-store/event-store';
import type { AccessRecord, AccessRecordSink, Statement } from '@lintas/platform/service/access-record-sink';
import { traceContextFields } from '@lintas/platform/tracing/trace-context';
import type { CloudEvent } from '../cloudevents/cloud-event';
import { toKafkaMessage } from '../cloudevents/kafka-binary-binding';
import type { OutgoingMessage } from '../transport/transport';
import { InvalidIntegrationEventError } from './integration-mapper';

/** An access record as its contract carries it: every column, the absent reason as null. */
export function accessRecordedData(record: AccessRecord): AccessRecordedV1 {
  return {
    recordId: record.id,
    at: record.at,
    outcome: record.outcome,
    status: record.status,
    method: record.method,
    route: record.route,
    params: record.params,
    personIds: record.personIds,
    fields: record.fields,
    reason: record.reason ?? null,
    agencyId: record.agencyId,
    agencyKind: record.agencyKind,
    clientId: record.clientId,
    userId: record.userId,
  };
}

/**
 * An access record as the CloudEvent the ledger receives: at the record's time, by the agency
 * that asked, its subject the person when it names exactly one (several: none, and the data lists
 * them all; the ledger files it under each). Keyed by the first person named, so that a person's
 * records stay in order on one partition; a record naming no one by its own id.
 */
export function accessRecordMessage(
  source: string,
  contract: Contract<AccessRecordedV1>,
  record: AccessRecord,
  id: string = randomUUID(),
): OutgoingMessage {
  const data = accessRecordedData(record);
  const checked = contract.validate(data);
  if (!checked.ok) throw new InvalidIntegrationEventError(contract.type, checked.problems);
  const [first, ...others] = data.personIds;
  const cloudEvent: CloudEvent = {
    specversion: '1.0',
    id,
    source,
    type: contract.type,
    time: data.at,
    ...(first !== undefined && others.length === 0 ? { subject: first } : {}),
    datacontenttype: 'application/json',
    ...(data.agencyId !== null && {
      actoragencyid: data.agencyId,
      ...(data.clientId !== null && { actorclientid: data.clientId }),
    }),
    ...traceContextFields(),
    data,
  };
  return toKafkaMessage(cloudEvent, contract.topic, first ?? id);
}

/**
 * The sink of a service's access records (ACCESS_RECORD_SINK): each record and its message in the
 * service's outbox are written by one statement — the record's INSERT as a CTE, the outbox row
 * made from it, with the row's id set into the message's data — which the relay ships as it ships
 * the service's events (at least once); the relay is woken once the statement committed.
 */
export class AccessRecordOutbox implements AccessRecordSink {
  constructor(
    private readonly store: EventStore,
    private readonly source: string,
    private readonly contract: Contract<AccessRecordedV1>,
  ) {}

  withRecord(insert: Statement, record: AccessRecord): Statement {
    const message = accessRecordMessage(this.source, this.contract, record);
    const n = insert.values.length;
    return {
      text: `WITH record AS (${insert.text})
             INSERT INTO ${this.store.schema}.outbox (topic, key, headers, value)
             SELECT $${n + 1}, $${n + 2}, $${n + 3}::json,
                    convert_to(jsonb_set(convert_from($${n + 4}::bytea, 'UTF8')::jsonb, '{recordId}',
                                         to_jsonb(record.id::text))::text, 'UTF8')
               FROM record`,
      values: [...insert.values, message.topic, message.key, JSON.stringify(message.headers), message.value],
    };
  }

  committed(): void {
    this.store.notifyAppended();
  }
}

/**
 * The service's access-record sink when it publishes its access-record contract (it lists it in
 * its `*_CONTRACTS`), else null: its records then stay in its own table only.
 */
export function accessRecordSinkOf(
  service: string,
  publishes: readonly AnyContract[],
  store: EventStore,
): AccessRecordSink | null {
  const contract = publishes.find((c) => c.name === accessRecordedName(service));
  return contract ? new AccessRecordOutbox(store, `/lintas/${service}`, contract as Contract<AccessRecordedV1>) : null;
}
