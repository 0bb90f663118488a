import type { Headers, IncomingMessage, OutgoingMessage } from '../transport/transport';
import type { CloudEvent } from './cloud-event';

/** The `redeliveryid` extension attribute's header: on a message sent again, which redelivery sent it. */
export const REDELIVERY_ID_HEADER = 'ce_redeliveryid';

/**
 * Every header this binding writes: the CloudEvents attributes (ids, types, times, agencies, the
 * subject's person id and trace context, never a value of the data) and `content-type`.
 */
export const CLOUDEVENTS_HEADERS: readonly string[] = [
  'ce_specversion',
  'ce_id',
  'ce_source',
  'ce_type',
  'ce_time',
  'ce_subject',
  'ce_correlationid',
  'ce_causationid',
  'ce_actoragencyid',
  'ce_actorclientid',
  'ce_traceparent',
  'ce_tracestate',
  REDELIVERY_ID_HEADER,
  'content-type',
];

/**
 * The CloudEvents Kafka protocol binding, binary content mode: attributes travel as `ce_` headers,
 * `datacontenttype` as `content-type`, and the message value is the data itself.
 * https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md
 */
export function toKafkaMessage(event: CloudEvent, topic: string, key: string): OutgoingMessage {
  const headers: Headers = {
    ce_specversion: event.specversion,
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    ce_time: event.time,
    'content-type': event.datacontenttype,
  };
  if (event.subject !== undefined) headers.ce_subject = event.subject;
  if (event.correlationid !== undefined) headers.ce_correlationid = event.correlationid;
  if (event.causationid !== undefined) headers.ce_causationid = event.causationid;
  if (event.actoragencyid !== undefined) headers.ce_actoragencyid = event.actoragencyid;
  if (event.actorclientid !== undefined) headers.ce_actorclientid = event.actorclientid;
  if (event.traceparent !== undefined) headers.ce_traceparent = event.traceparent;
  if (event.tracestate !== undefined) headers.ce_tracestate = event.tracestate;
  if (event.redeliveryid !== undefined) headers[REDELIVERY_ID_HEADER] = event.redeliveryid;
  return { topic, key, value: Buffer.from(JSON.stringify(event.data)), headers };
}

export class MalformedCloudEventError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedCloudEventError';
  }
}

/** Reads a binary-mode message back into a CloudEvent; a message that is not one is refused with the reason. */
export function fromKafkaMessage(message: IncomingMessage): CloudEvent {
  const h = message.headers;
  const missing = ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time'].filter((name) => !h[name]);
  if (missing.length > 0) throw new MalformedCloudEventError(`missing CloudEvents headers: ${missing.join(', ')}`);
  if (h.ce_specversion !== '1.0') throw new MalformedCloudEventError(`unsupported specversion ${h.ce_specversion}`);
  if (h['content-type'] !== 'application/json') {
    throw new MalformedCloudEventError(`unsupported content-type ${h['content-type'] ?? '(none)'}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw new MalformedCloudEventError('data is not JSON');
  }
  return {
    specversion: '1.0',
    id: h.ce_id ?? '',
    source: h.ce_source ?? '',
    type: h.ce_type ?? '',
    time: h.ce_time ?? '',
    datacontenttype: 'application/json',
    ...(h.ce_subject !== undefined ? { subject: h.ce_subject } : {}),
    ...(h.ce_correlationid !== undefined ? { correlationid: h.ce_correlationid } : {}),
    ...(h.ce_causationid !== undefined ? { causationid: h.ce_causationid } : {}),
    ...(h.ce_actoragencyid !== undefined ? { actoragencyid: h.ce_actoragencyid } : {}),
    ...(h.ce_actorclientid !== undefined ? { actorclientid: h.ce_actorclientid } : {}),
    ...(h.ce_traceparent !== undefined ? { traceparent: h.ce_traceparent } : {}),
    ...(h.ce_tracestate !== undefined ? { tracestate: h.ce_tracestate } : {}),
    ...(h[REDELIVERY_ID_HEADER] !== undefined ? { redeliveryid: h[REDELIVERY_ID_HEADER] } : {}),
    data,
  };
}
