import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { createLogger } from '@lintas/platform/logging/json-logger';
import { createServiceApp, readServiceEnv } from '@lintas/platform/service/run-service';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { EventStore } from '../event-store';
import { SealKeys } from '../sealing/seal-keys';
import { verifyStore } from '../verification/verify-store';
import { SAMPLE_DEFINITIONS, sampleEvent } from '../../test/sample-events';
import { EventStoreModule } from './event-store.module';

const infra = useRealInfrastructure();

@Module({
  imports: [EventStoreModule.forService({ definitions: SAMPLE_DEFINITIONS, schema: 'probe', sealEveryMs: 50 })],
})
class ProbeModule {}

describe('the event store in a service', () => {
  let app: INestApplication;
  afterEach(() => app.close());

  it('is wired with the service pool and keys, encrypts personal fields, and signs seals in the background', async () => {
    const service = { description: 'a probe', name: 'probe', defaultPort: 0, module: ProbeModule };
    const env = readServiceEnv(service, {
      DATABASE_URL: infra.databaseUrl,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    });
    app = await createServiceApp(service, env, createLogger('probe', 'fatal'));
    await app.init();
    const store = app.get(EventStore);

    const stream = `case-${randomUUID()}`;
    await store.append(stream, [
      sampleEvent('PersonIdentified', { name: 'Siti', nik: '3578014506900001' }, randomUUID()),
    ]);
    expect((await store.readStream(stream))[0]?.data).toEqual({ name: 'Siti', nik: '3578014506900001' });

    const pool = infra.createPool();
    const { rows } = await pool.query<{ data: string }>('SELECT data::text FROM probe.events');
    expect(rows[0]?.data).not.toContain('Siti');

    // The service's own key signs; its public key is what verification trusts.
    const { trusted } = app.get(SealKeys);
    let report = await verifyStore(pool, 'probe', { trustedKeys: trusted });
    for (let waited = 0; report.unsealedEvents > 0 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      report = await verifyStore(pool, 'probe', { trustedKeys: trusted });
    }
    expect(report).toMatchObject({ ok: true, sealsChecked: 1, unsignedSeals: 0, unsealedEvents: 0, breaks: [] });
  });
});
