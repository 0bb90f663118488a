import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { isErased } from '@lintas/privacy/erased';
import { PersonalDataProtector } from '@lintas/privacy/personal-data';
import { PersonKeyStore } from '@lintas/privacy/person-key-store';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { EventRegistry } from './events/event-registry';
import { EventStore } from './event-store';
import { sealAll } from './sealing/sealer';
import { SealSigner, TrustedSealKeys } from './sealing/seal-signature';
import { CatchUpSubscription } from './subscriptions/catch-up-subscription';
import { DigestProjection } from '../test/digest-projection';
import { SAMPLE_DEFINITIONS, sampleEvent } from '../test/sample-events';
import { verifyStore } from './verification/verify-store';

const infra = useRealInfrastructure();
let pool: Pool;
let store: EventStore;
let protector: PersonalDataProtector;

const identity = {
  name: 'Siti Aminah',
  nik: '3578014506900001',
  address: 'Jl. Kenjeran 12, Surabaya',
  source: 'dukcapil',
};

beforeAll(async () => {
  pool = infra.createPool();
  protector = new PersonalDataProtector(await PersonKeyStore.open(pool, randomBytes(32)));
  store = await EventStore.open(pool, {
    registry: new EventRegistry(SAMPLE_DEFINITIONS),
    cipher: protector,
    schema: 'personal',
  });
});

describe('personal data in events', () => {
  it('is stored encrypted and read back in the clear', async () => {
    const personId = randomUUID();
    const stream = `case-${randomUUID()}`;
    await store.append(stream, [sampleEvent('PersonIdentified', identity, personId)]);

    const { rows } = await pool.query<{ data: string }>('SELECT data::text FROM personal.events WHERE stream_id = $1', [
      stream,
    ]);
    for (const secret of [identity.name, identity.nik, 'Kenjeran']) expect(rows[0]?.data).not.toContain(secret);
    expect(rows[0]?.data).toContain('"source":"dukcapil"');

    const [event] = await store.readStream(stream);
    expect(event?.data).toEqual(identity);
  });

  it('must name its person, or it could never be erased', async () => {
    await expect(store.append(`case-${randomUUID()}`, [sampleEvent('PersonIdentified', identity)])).rejects.toThrow(
      /metadata must name the person/,
    );
  });

  it('reads as erased once the person is crypto-shredded, while history, chains and projections hold', async () => {
    const erasedPerson = randomUUID();
    const otherPerson = randomUUID();
    const stream = `case-${randomUUID()}`;
    await store.append(stream, [
      sampleEvent('PickupReported', { at: 'Terminal Bungurasih' }, erasedPerson),
      sampleEvent('PersonIdentified', identity, erasedPerson),
    ]);
    const otherStream = `case-${randomUUID()}`;
    await store.append(otherStream, [sampleEvent('PersonIdentified', { ...identity, name: 'Budi' }, otherPerson)]);

    const projection = new DigestProjection('before-erasure', 'personal');
    const subscription = new CatchUpSubscription(store, projection);
    await subscription.catchUp();
    const countBefore = (await projection.read(pool))?.count;

    await protector.erase(erasedPerson);

    const [pickup, identified] = await store.readStream(stream);
    expect(pickup?.data).toEqual({ at: 'Terminal Bungurasih' });
    const data = identified?.data as Record<string, unknown>;
    expect(isErased(data.name)).toBe(true);
    expect(isErased(data.nik)).toBe(true);
    expect(isErased(data.address)).toBe(true);
    expect(data.source).toBe('dukcapil');
    expect((await store.readStream(otherStream))[0]?.data).toMatchObject({ name: 'Budi', nik: identity.nik });

    const signer = SealSigner.generate();
    await sealAll(pool, 'personal', signer);
    expect(await verifyStore(pool, 'personal', { trustedKeys: TrustedSealKeys.of(signer) })).toMatchObject({
      ok: true,
      breaks: [],
    });

    await subscription.rebuild();
    expect((await projection.read(pool))?.count).toBe(countBefore);
  });
});
