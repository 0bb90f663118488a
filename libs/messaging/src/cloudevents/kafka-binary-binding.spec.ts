import type { IncomingMessage } from '../transport/transport';
import type { CloudEvent } from './cloud-event';
import {
  CLOUDEVENTS_HEADERS,
  fromKafkaMessage,
  MalformedCloudEventError,
  toKafkaMessage,
} from './kafka-binary-binding';

const event: CloudEvent = {
  specversion: '1.0',
  id: '0b1f7c3e-0c57-4d4c-8a65-1a9a8c3b2f10',
  source: '/lintas/health-liaison',
  type: 'id.lintas.health-liaison.rsj-referral.accepted.v1',
  time: '2026-11-21T03:00:00.000Z',
  subject: '6c1d2f0e-8b1e-4f3a-9c55-2b7d9e1f4a21',
  datacontenttype: 'application/json',
  correlationid: 'c-1',
  causationid: 'e-0',
  data: { referralId: 'r-1', expectedAdmission: '2026-11-22' },
};

function received(message: ReturnType<typeof toKafkaMessage>): IncomingMessage {
  return { ...message, partition: 0, offset: '0' };
}

describe('CloudEvents Kafka binding, binary mode', () => {
  it('puts attributes in ce_ headers and the data alone in the value', () => {
    const message = toKafkaMessage(event, 'health-liaison.events', event.subject ?? '');
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: '/lintas/health-liaison',
      ce_type: event.type,
      ce_time: event.time,
      ce_subject: event.subject,
      ce_correlationid: 'c-1',
      ce_causationid: 'e-0',
      'content-type': 'application/json',
    });
    expect(JSON.parse(message.value.toString())).toEqual(event.data);
    expect(message.key).toBe(event.subject);
  });

  it('reads back what it wrote', () => {
    expect(fromKafkaMessage(received(toKafkaMessage(event, 't', 'k')))).toEqual(event);
  });

  it('carries the distributed-tracing extension as ce_traceparent and ce_tracestate', () => {
    const traced: CloudEvent = {
      ...event,
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      tracestate: 'vendor=x',
    };
    const message = toKafkaMessage(traced, 't', 'k');
    expect(message.headers).toMatchObject({ ce_traceparent: traced.traceparent, ce_tracestate: 'vendor=x' });
    expect(fromKafkaMessage(received(message))).toEqual(traced);
  });

  it('carries who acted, for the ledger, as ce_actoragencyid and ce_actorclientid', () => {
    const acted: CloudEvent = { ...event, actoragencyid: 'rsj-lawang', actorclientid: 'rsj-lawang-1' };
    const message = toKafkaMessage(acted, 't', 'k');
    expect(message.headers).toMatchObject({ ce_actoragencyid: 'rsj-lawang', ce_actorclientid: 'rsj-lawang-1' });
    expect(fromKafkaMessage(received(message))).toEqual(acted);
  });

  it('marks a copy sent again by an admin with ce_redeliveryid, the event itself unchanged', () => {
    const again: CloudEvent = { ...event, redeliveryid: '5d0c2a8e-3f1b-4c7a-9e2d-8b6f4a1c0e93' };
    const message = toKafkaMessage(again, 't', 'k');
    expect(message.headers).toMatchObject({ ce_id: event.id, ce_redeliveryid: again.redeliveryid });
    expect(fromKafkaMessage(received(message))).toEqual(again);
  });

  it('names every header it writes in CLOUDEVENTS_HEADERS, which an erased dead letter keeps', () => {
    const everything: CloudEvent = {
      ...event,
      actoragencyid: 'rsj-lawang',
      actorclientid: 'rsj-lawang-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      tracestate: 'vendor=x',
      redeliveryid: '5d0c2a8e-3f1b-4c7a-9e2d-8b6f4a1c0e93',
    };
    expect(Object.keys(toKafkaMessage(everything, 't', 'k').headers).sort()).toEqual([...CLOUDEVENTS_HEADERS].sort());
  });

  it('refuses a message that is not a CloudEvent, saying why', () => {
    const good = received(toKafkaMessage(event, 't', 'k'));
    const { ce_type: _type, ...withoutType } = good.headers;
    expect(() => fromKafkaMessage({ ...good, headers: withoutType })).toThrow('missing CloudEvents headers: ce_type');
    expect(() => fromKafkaMessage({ ...good, value: Buffer.from('{not json') })).toThrow(MalformedCloudEventError);
    expect(() => fromKafkaMessage({ ...good, headers: { ...good.headers, ce_specversion: '0.3' } })).toThrow(
      'unsupported specversion 0.3',
    );
  });
});
