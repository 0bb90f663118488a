import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { ERASED } from './erased';
import { PersonErasedError, PersonKeyStore } from './person-key-store';
import { PersonalDataProtector } from './personal-data';

const infra = useRealInfrastructure();

const PATHS = ['name', 'identity.nik', 'family.contacts[].phone', 'diagnosis'];

function pickup(): object {
  return {
    pickupId: randomUUID(),
    name: 'Siti Nurhaliza',
    identity: { nik: '3171234567890001', kk: null },
    family: {
      contacts: [
        { relation: 'kakak', phone: '0812-1111-2222' },
        { relation: 'ibu', phone: '0813-3333-4444' },
      ],
    },
    diagnosis: { code: 'F20.0', label: 'skizofrenia paranoid' },
    foundAt: 'Jl. Tunjungan, Surabaya',
    agency: 'Satpol PP Kota Surabaya',
  };
}

const PLAINTEXTS = [
  'Siti',
  'Nurhaliza',
  '3171234567890001',
  '0812-1111-2222',
  '0813-3333-4444',
  'F20.0',
  'skizofrenia',
];

describe('personal data against PostgreSQL', () => {
  const master = randomBytes(32);
  let pool: Pool;
  let keys: PersonKeyStore;
  let protector: PersonalDataProtector;

  beforeAll(async () => {
    pool = infra.createPool({ max: 20 });
    keys = await PersonKeyStore.open(pool, master);
    protector = new PersonalDataProtector(keys);
    await pool.query('CREATE TABLE events (id serial PRIMARY KEY, person_id uuid NOT NULL, data jsonb NOT NULL)');
  });

  async function store(personId: string, data: object): Promise<number> {
    const { rows } = await pool.query<{ id: number }>(
      'INSERT INTO events (person_id, data) VALUES ($1, $2) RETURNING id',
      [personId, JSON.stringify(data)],
    );
    return rows[0]?.id ?? 0;
  }

  async function load(id: number): Promise<{ data: object; text: string }> {
    const { rows } = await pool.query<{ data: object; text: string }>(
      'SELECT data, data::text AS text FROM events WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) throw new Error(`no event ${id}`);
    return row;
  }

  it('stores sealed fields with no plaintext, and opens them back', async () => {
    const personId = randomUUID();
    const original = pickup();
    const before = structuredClone(original);
    const sealed = await protector.seal(personId, original, PATHS);
    expect(original).toEqual(before);

    const stored = await load(await store(personId, sealed));
    for (const text of PLAINTEXTS) expect(stored.text).not.toContain(text);
    expect(stored.data).toMatchObject({
      name: expect.stringMatching(/^enc:v1:/),
      identity: { nik: expect.stringMatching(/^enc:v1:/), kk: null },
      family: {
        contacts: [
          { relation: 'kakak', phone: expect.stringMatching(/^enc:v1:/) },
          { relation: 'ibu', phone: expect.stringMatching(/^enc:v1:/) },
        ],
      },
      diagnosis: expect.stringMatching(/^enc:v1:/),
      foundAt: 'Jl. Tunjungan, Surabaya',
    });

    const { rows } = await pool.query<{ wrapped_key: Buffer }>(
      'SELECT wrapped_key FROM privacy.person_keys WHERE person_id = $1',
      [personId],
    );
    expect(rows[0]?.wrapped_key.includes(await keys.keyFor(personId))).toBe(false);

    expect(await protector.open(personId, stored.data, PATHS)).toEqual(original);
  });

  it('opens a path inside another sealed path', async () => {
    const personId = randomUUID();
    const nested = ['family.contacts[].phone', 'family'];
    const sealed = await protector.seal(personId, pickup(), nested);
    expect((sealed as { family: unknown }).family).toEqual(expect.stringMatching(/^enc:v1:/));
    expect(await protector.open(personId, sealed, nested)).toMatchObject({
      family: { contacts: [{ phone: '0812-1111-2222' }, { phone: '0813-3333-4444' }] },
    });
    await protector.erase(personId);
    expect(await protector.open(personId, sealed, nested)).toMatchObject({ family: ERASED });
  });

  it('seals once: sealing sealed data again changes nothing', async () => {
    const personId = randomUUID();
    const sealed = await protector.seal(personId, pickup(), PATHS);
    expect(await protector.seal(personId, sealed, PATHS)).toEqual(sealed);
  });

  it('after erasure, opens the personal fields as erased and the others intact, for good', async () => {
    const personId = randomUUID();
    const id = await store(personId, await protector.seal(personId, pickup(), PATHS));

    await protector.erase(personId);
    await protector.erase(personId);

    const opened = await protector.open(personId, (await load(id)).data, PATHS);
    expect(opened).toEqual({
      ...pickup(),
      pickupId: expect.any(String),
      name: ERASED,
      identity: { nik: ERASED, kk: null },
      family: {
        contacts: [
          { relation: 'kakak', phone: ERASED },
          { relation: 'ibu', phone: ERASED },
        ],
      },
      diagnosis: ERASED,
    });

    const { rows } = await pool.query<{ wrapped_key: Buffer | null; destroyed_at: Date | null }>(
      'SELECT wrapped_key, destroyed_at FROM privacy.person_keys WHERE person_id = $1',
      [personId],
    );
    expect(rows).toEqual([{ wrapped_key: null, destroyed_at: expect.any(Date) }]);
  });

  it('refuses new personal data for an erased person, but not a record without any', async () => {
    const personId = randomUUID();
    await protector.seal(personId, pickup(), PATHS);
    await protector.erase(personId);

    await expect(keys.keyFor(personId)).rejects.toBeInstanceOf(PersonErasedError);
    await expect(protector.seal(personId, pickup(), PATHS)).rejects.toThrow(PersonErasedError);
    const withoutPersonalData = { pickupId: randomUUID(), name: null };
    expect(await protector.seal(personId, withoutPersonalData, PATHS)).toEqual(withoutPersonalData);
  });

  it('erases a person who never had a key, so that none is made later', async () => {
    const personId = randomUUID();
    expect(await keys.readKey(personId)).toBeUndefined();
    await keys.destroy(personId);
    expect(await keys.readKey(personId)).toBe('erased');
    await expect(keys.keyFor(personId)).rejects.toBeInstanceOf(PersonErasedError);
  });

  it('gives one key to concurrent first uses, in one process and across processes', async () => {
    const personId = randomUUID();
    const others = await Promise.all([1, 2, 3].map(() => PersonKeyStore.open(pool, master)));
    const found = await Promise.all([keys, keys, ...others, ...others].map((store) => store.keyFor(personId)));
    for (const key of found) expect(key).toEqual(found[0]);
    const { rows } = await pool.query('SELECT 1 FROM privacy.person_keys WHERE person_id = $1', [personId]);
    expect(rows).toHaveLength(1);
  });

  it('opens, in another process, what one process sealed', async () => {
    const personId = randomUUID();
    const id = await store(personId, await protector.seal(personId, pickup(), PATHS));
    const elsewhere = new PersonalDataProtector(await PersonKeyStore.open(pool, master));
    expect(await elsewhere.open(personId, (await load(id)).data, PATHS)).toMatchObject({
      name: 'Siti Nurhaliza',
      identity: { nik: '3171234567890001' },
    });
  });

  it("trusts another process's cached key only until its TTL passes after an erasure", async () => {
    const personId = randomUUID();
    const sealed = await protector.seal(personId, pickup(), PATHS);
    const elsewhere = new PersonKeyStore(pool, master, { cacheTtlMs: 300 });
    const elsewhereProtector = new PersonalDataProtector(elsewhere);
    expect(Buffer.isBuffer(await elsewhere.readKey(personId))).toBe(true);

    await protector.erase(personId);
    // The documented window: this process has not heard of the erasure yet.
    expect(await elsewhereProtector.open(personId, sealed, PATHS)).toMatchObject({ name: 'Siti Nurhaliza' });

    await sleep(400);
    expect(await elsewhereProtector.open(personId, sealed, PATHS)).toMatchObject({ name: ERASED });
    await expect(elsewhere.keyFor(personId)).rejects.toBeInstanceOf(PersonErasedError);
  });

  it('forgets a key it destroyed itself at once', async () => {
    const personId = randomUUID();
    const sealed = await protector.seal(personId, pickup(), PATHS);
    expect(await protector.open(personId, sealed, PATHS)).toMatchObject({ name: 'Siti Nurhaliza' });
    await protector.erase(personId);
    expect(await protector.open(personId, sealed, PATHS)).toMatchObject({ name: ERASED });
  });

  it('opens a batch of several persons with one query', async () => {
    const [alive, erased, keyless] = [randomUUID(), randomUUID(), randomUUID()];
    const batch = [
      { personId: alive, data: await protector.seal(alive, pickup(), PATHS), paths: PATHS },
      { personId: erased, data: await protector.seal(erased, pickup(), PATHS), paths: PATHS },
      { personId: alive, data: await protector.seal(alive, { name: 'Siti' }, PATHS), paths: PATHS },
      { personId: keyless, data: { name: 'enc:v1:' }, paths: PATHS },
      { personId: undefined, data: { note: 'no person' }, paths: [] },
    ];
    await protector.erase(erased);

    const fresh = await PersonKeyStore.open(pool, master);
    const query = jest.spyOn(pool, 'query');
    try {
      const opened = await new PersonalDataProtector(fresh).openMany(batch);
      expect(query).toHaveBeenCalledTimes(1);
      expect(opened).toEqual([
        expect.objectContaining({
          name: 'Siti Nurhaliza',
          diagnosis: { code: 'F20.0', label: 'skizofrenia paranoid' },
        }),
        expect.objectContaining({ name: ERASED, diagnosis: ERASED, agency: 'Satpol PP Kota Surabaya' }),
        { name: 'Siti' },
        { name: 'enc:v1:' },
        { note: 'no person' },
      ]);
    } finally {
      query.mockRestore();
    }
  });

  it('shows sealed data of a person with no key at all as erased', async () => {
    const personId = randomUUID();
    const sealed = await protector.seal(personId, pickup(), PATHS);
    const otherSchema = await PersonKeyStore.open(pool, master, 'privacy_elsewhere');
    expect(await new PersonalDataProtector(otherSchema).open(personId, sealed, PATHS)).toMatchObject({
      name: ERASED,
    });
  });

  it('fails loudly, not as an erasure, on altered data or another master key', async () => {
    const personId = randomUUID();
    const sealed = (await protector.seal(personId, pickup(), PATHS)) as { name: string };
    const altered = {
      ...sealed,
      name: `${sealed.name.slice(0, 30)}${sealed.name[30] === 'A' ? 'B' : 'A'}${sealed.name.slice(31)}`,
    };
    await expect(protector.open(personId, altered, PATHS)).rejects.toThrow(/'name' .* does not open/);

    const wrongMaster = new PersonKeyStore(pool, randomBytes(32));
    await expect(wrongMaster.readKey(personId)).rejects.toThrow(/does not unwrap/);
  });

  it('refuses personal data without a person, and values sealed for someone else', async () => {
    await expect(protector.seal(undefined, pickup(), PATHS)).rejects.toThrow(/must name its person/);
    expect(await protector.seal(undefined, { note: 'nothing personal' }, [])).toEqual({ note: 'nothing personal' });

    const [siti, budi] = [randomUUID(), randomUUID()];
    const sitis = (await protector.seal(siti, { name: 'Siti' }, ['name'])) as { name: string };
    await protector.seal(budi, { name: 'Budi' }, ['name']);
    await expect(protector.seal(budi, { name: sitis.name }, ['name'])).rejects.toThrow(/not sealed for person/);
    await expect(protector.open(budi, { name: sitis.name }, ['name'])).rejects.toThrow(/does not open/);
  });

  it('knows a person id however its letters are cased', async () => {
    const personId = randomUUID();
    const sealed = await protector.seal(personId.toUpperCase(), { name: 'Siti' }, ['name']);
    const elsewhere = new PersonalDataProtector(await PersonKeyStore.open(pool, master));
    expect(await elsewhere.open(personId, sealed, ['name'])).toEqual({ name: 'Siti' });
  });

  it('keeps at most cacheSize keys, dropping the least recently used', async () => {
    const small = new PersonKeyStore(pool, master, { cacheSize: 2 });
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [a, b, c]) await keys.keyFor(id);
    await small.readKeys([a, b]);
    await small.readKey(a);
    await small.readKey(c);

    const query = jest.spyOn(pool, 'query');
    try {
      await small.readKey(a);
      await small.readKey(c);
      expect(query).not.toHaveBeenCalled();
      await small.readKey(b);
      expect(query).toHaveBeenCalledTimes(1);
    } finally {
      query.mockRestore();
    }
  });

  it('creates its table safely when several processes start at once', async () => {
    await Promise.all([1, 2, 3, 4].map(() => PersonKeyStore.open(pool, master, 'privacy_started_together')));
    const { rows } = await pool.query<{ count: string }>(
      `SELECT count(*) FROM information_schema.tables WHERE table_schema = 'privacy_started_together'`,
    );
    expect(rows[0]?.count).toBe('1');
  });
});
