import { accessRecordedContract } from '@lintas/contracts/admin/access-records.contracts';
import type { AccessRecord } from '@lintas/platform/service/access-record-sink';
import { fromKafkaMessage } from '../cloudevents/kafka-binary-binding';
import { accessRecordedData, accessRecordMessage, accessRecordSinkOf } from './access-record-outbox';
import { InvalidIntegrationEventError } from './integration-mapper';

const contract = accessRecordedContract('intake');
const ID = '0b1f7c3e-0c57-4d4c-8a65-1a9a8c3b2f10';
const WAHYUNI = '6c1d2f0e-8b1e-4f3a-9c55-2b7d9e1f4a21';
const BUDI = '7d8a3c56-0000-4000-8000-000000000001';

const granted: AccessRecord = {
  id: '42',
  at: '2026-12-01T08:00:00.123Z',
  outcome: 'granted',
  status: 200,
  method: 'GET',
  route: '/cases/:caseId',
  params: { caseId: 'a0000000-0000-4000-8000-000000000001' },
  personIds: [WAHYUNI],
  fields: ['identity.name', 'identity.nik'],
  clientId: 'dinsos-3573-app',
  agencyId: 'dinsos-3573',
  agencyKind: 'dinas-sosial',
  userId: 'u-1',
};

const refused: AccessRecord = {
  ...granted,
  id: '43',
  outcome: 'refused',
  status: 401,
  route: '/persons/:personId/journey',
  params: { personId: WAHYUNI },
  fields: [],
  reason: 'token.invalid',
  clientId: null,
  agencyId: null,
  agencyKind: null,
  userId: null,
};

const read = (record: AccessRecord) => {
  const message = accessRecordMessage('/lintas/intake', contract, record, ID);
  return { message, event: fromKafkaMessage({ ...message, partition: 0, offset: '0' }) };
};

describe("a service's access record as the ledger receives it", () => {
  it('carries every column of the record, ids and field names only, and fits its contract', () => {
    const data = accessRecordedData(granted);
    expect(data).toEqual({
      recordId: '42',
      at: '2026-12-01T08:00:00.123Z',
      outcome: 'granted',
      status: 200,
      method: 'GET',
      route: '/cases/:caseId',
      params: { caseId: 'a0000000-0000-4000-8000-000000000001' },
      personIds: [WAHYUNI],
      fields: ['identity.name', 'identity.nik'],
      reason: null,
      agencyId: 'dinsos-3573',
      agencyKind: 'dinas-sosial',
      clientId: 'dinsos-3573-app',
      userId: 'u-1',
    });
    expect(contract.validate(data)).toMatchObject({ ok: true });
    expect(contract.validate(accessRecordedData(refused))).toMatchObject({ ok: true });
  });

  it('is a CloudEvent at the record’s time, by the agency that asked, about the one person it names', () => {
    const { message, event } = read(granted);
    expect(message.topic).toBe('lintas.intake.access-records');
    expect(message.key).toBe(WAHYUNI);
    expect(event).toMatchObject({
      id: ID,
      source: '/lintas/intake',
      type: 'id.lintas.intake.access.recorded.v1',
      time: granted.at,
      subject: WAHYUNI,
      actoragencyid: 'dinsos-3573',
      actorclientid: 'dinsos-3573-app',
      data: accessRecordedData(granted),
    });
    expect(event.causationid).toBeUndefined();
  });

  it('names no subject when it names several persons (its data lists them), keyed by the first', () => {
    const { message, event } = read({ ...granted, personIds: [BUDI, WAHYUNI] });
    expect(event.subject).toBeUndefined();
    expect(message.key).toBe(BUDI);
    expect(event.data).toMatchObject({ personIds: [BUDI, WAHYUNI] });
  });

  it('names no actor for a refused token, and is keyed by its own id when it names no one', () => {
    const { message, event } = read({ ...refused, personIds: [] });
    expect(event.actoragencyid).toBeUndefined();
    expect(event.actorclientid).toBeUndefined();
    expect(event.subject).toBeUndefined();
    expect(message.key).toBe(ID);
    expect(event.data).toMatchObject({ outcome: 'refused', status: 401, reason: 'token.invalid', agencyId: null });
  });

  it('is refused, not sent, when the record does not fit (the read then fails with it)', () => {
    expect(() => accessRecordMessage('/lintas/intake', contract, { ...granted, personIds: ['not-a-uuid'] })).toThrow(
      InvalidIntegrationEventError,
    );
  });

  it('goes to the outbox only of a service that publishes its access-record contract', () => {
    const store = {} as Parameters<typeof accessRecordSinkOf>[2];
    expect(accessRecordSinkOf('intake', [contract], store)).not.toBeNull();
    expect(accessRecordSinkOf('intake', [accessRecordedContract('rehabilitation')], store)).toBeNull();
    expect(accessRecordSinkOf('audit', [], store)).toBeNull();
  });
});
