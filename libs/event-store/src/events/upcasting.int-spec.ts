import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { EventStore } from '../event-store';
import { sampleEvent } from '../../test/sample-events';
import { EventRegistry } from './event-registry';

const infra = useRealInfrastructure();
let pool: Pool;
beforeAll(() => {
  pool = infra.createPool();
});

const v1 = { type: 'PatientAdmitted', schemaVersion: 1, personalFields: [] };
// v2 split the free-text ward into a code and a name.
const v2 = {
  ...v1,
  schemaVersion: 2,
  upcasters: {
    1: (data: unknown) => {
      const { ward, ...rest } = data as { ward: string };
      const [code = '', ...name] = ward.split(' ');
      return { ...rest, ward: { code, name: name.join(' ') } };
    },
  },
};

describe('schema evolution', () => {
  it('stores v1, and a release that knows v2 reads it as v2 while the stored row stays v1', async () => {
    const stream = `referral-${randomUUID()}`;
    const old = await EventStore.open(pool, { registry: new EventRegistry([v1]), schema: 'evolution' });
    await old.append(stream, [sampleEvent('PatientAdmitted', { ward: 'W3 Melati', admittedAt: '2026-11-21' })]);

    const current = await EventStore.open(pool, { registry: new EventRegistry([v2]), schema: 'evolution' });
    const [event] = await current.readStream(stream);
    expect(event).toMatchObject({
      schemaVersion: 2,
      data: { ward: { code: 'W3', name: 'Melati' }, admittedAt: '2026-11-21' },
    });

    const { rows } = await pool.query<{ schema_version: number; data: string }>(
      'SELECT schema_version, data::text FROM evolution.events WHERE stream_id = $1',
      [stream],
    );
    expect(rows).toEqual([{ schema_version: 1, data: '{"ward":"W3 Melati","admittedAt":"2026-11-21"}' }]);

    await current.append(stream, [sampleEvent('PatientAdmitted', { ward: { code: 'W4', name: 'Mawar' } })]);
    expect((await current.readStream(stream)).map((e) => e.schemaVersion)).toEqual([2, 2]);
  });
});
