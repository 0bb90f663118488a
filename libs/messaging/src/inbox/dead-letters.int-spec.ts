import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PersonErasedV1 } from '@lintas/contracts/intake/intake.contracts';
import { inTransaction } from '@lintas/platform/database/transaction';
import { withinTransaction } from '@lintas/platform/database/ambient-transaction';
import { PersonalDataProtector } from '@lintas/privacy/personal-data';
import { PersonKeyStore } from '@lintas/privacy/person-key-store';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { toKafkaMessage } from '../cloudevents/kafka-binary-binding';
import type { IncomingMessage, OutgoingMessage, Publisher } from '../transport/transport';
import { DeadLetters, ERASED_DEAD_LETTER_VALUE, type DeadLetter, type DeadLetterReason } from './dead-letters';
import { createInboxSchema } from './inbox-schema';

/**
 * A person's erasure (UU 27/2022) reaches the dead letters, which keep messages as they travelled,
 * their data in clear: those that name the person keep no value from then on and are never sent
 * again, the others stay as they are; and one recorded after the erasure keeps nothing either,
 * in the table or on the dead-letter topic.
 */
const infra = useRealInfrastructure();
const SCHEMA = 'letters';
const TOPIC = 'lintas.test.events';
const DEAD_LETTER_TOPIC = 'lintas.test.dead-letters';
const NAME = 'Siti Aminah';
const NIK = '3507014506780002';

let pool: Pool;
let keys: PersonKeyStore;
let protector: PersonalDataProtector;
let letters: DeadLetters;
let offset = 0;

/** A publisher that keeps what it was given. */
class KeptPublisher implements Publisher {
  readonly sent: OutgoingMessage[] = [];
  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    this.sent.push(...messages);
  }
  async close(): Promise<void> {}
}

beforeAll(async () => {
  pool = infra.createPool({ max: 10 });
  await createInboxSchema(pool, SCHEMA);
  keys = await PersonKeyStore.open(pool, randomBytes(32), `${SCHEMA}_keys`);
  protector = new PersonalDataProtector(keys);
  letters = new DeadLetters(pool, SCHEMA, { erasedAmong: (ids) => protector.erasedAmong(ids) });
});

/** A CloudEvent about `subject` (keyed by them), with `data`, as a consumer read it. */
function event(
  subject: string | undefined,
  data: object,
  extraHeaders: Record<string, string> = {},
  type = 'id.lintas.test.note.opened.v1',
): IncomingMessage {
  const message = toKafkaMessage(
    {
      specversion: '1.0',
      id: randomUUID(),
      source: '/lintas/elsewhere',
      type,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      ...(subject && { subject }),
      correlationid: randomUUID(),
      actoragencyid: 'rsj-lawang',
      data,
    },
    TOPIC,
    subject ?? randomUUID(),
  );
  return { ...message, headers: { ...message.headers, ...extraHeaders }, partition: 0, offset: String(offset++) };
}

function raw(key: string | null, value: Buffer, headers: Record<string, string> = {}): IncomingMessage {
  return { topic: TOPIC, key, value, headers, partition: 0, offset: String(offset++) };
}

/** Records the message as a dead letter and answers it as kept, with what went to the dead-letter topic. */
async function deadLetter(
  message: IncomingMessage,
  options: { personErased?: boolean; with?: DeadLetters; reason?: DeadLetterReason } = {},
): Promise<{ letter: DeadLetter; copy: OutgoingMessage }> {
  const publisher = new KeptPublisher();
  await (options.with ?? letters).record(
    publisher,
    DEAD_LETTER_TOPIC,
    'lintas.test',
    message,
    options.reason ?? 'invalid',
    '/caseId must match format "uuid"',
    { personErased: options.personErased },
  );
  const letter = (await letters.list({ includeRedriven: true })).find((l) => l.offset === message.offset);
  if (!letter || !publisher.sent[0]) throw new Error(`dead letter ${message.offset} was not recorded`);
  return { letter, copy: publisher.sent[0] };
}

const refresh = async (letter: DeadLetter): Promise<DeadLetter> => {
  const found = await letters.find(letter.id);
  if (!found) throw new Error(`dead letter ${letter.id} is gone`);
  return found;
};

const CLOUDEVENTS_ONLY = (headers: Record<string, string>) =>
  Object.keys(headers).filter((name) => !name.startsWith('ce_') && name !== 'content-type');

describe('the dead letters of an erased person', () => {
  const erased = randomUUID();
  const other = randomUUID();
  const stream = randomUUID();
  let about: DeadLetter;
  let keyedOnly: DeadLetter;
  let linked: DeadLetter;
  let binary: DeadLetter;
  let untouched: DeadLetter;
  let redrivenBefore: DeadLetter;

  beforeAll(async () => {
    about = (await deadLetter(event(erased, { personId: erased, caseId: `${NAME}, NIK ${NIK}` }, { 'x-name': NAME })))
      .letter;
    // Not a CloudEvent: no headers, only its key names the person.
    keyedOnly = (await deadLetter(raw(erased, Buffer.from(`${NAME} ${NIK}`)))).letter;
    // About another person, naming the erased one in its data (as PersonsLinked names the linked record).
    linked = (await deadLetter(event(other, { survivorPersonId: other, linkedPersonId: erased, note: NAME }))).letter;
    // Not UTF-8, keyed by a stream, the person's id in upper case somewhere in it.
    binary = (
      await deadLetter(
        raw(
          stream,
          Buffer.concat([
            Buffer.from([0xff, 0xfe, 0x00]),
            Buffer.from(`${NIK}:${erased.toUpperCase()}`),
            Buffer.from([0xc3]),
          ]),
        ),
      )
    ).letter;
    untouched = (await deadLetter(event(other, { personId: other, caseId: NIK }, { 'x-name': NAME }))).letter;
    redrivenBefore = (await deadLetter(event(erased, { personId: erased, nik: NIK }))).letter;
    expect(await letters.redrive(new KeptPublisher(), redrivenBefore.id)).toMatchObject({ kind: 'redriven' });
    redrivenBefore = await refresh(redrivenBefore);
    await keys.keyFor(erased);
  });

  it('keep their data until the erasure commits: it joins the transaction it runs in', async () => {
    const rolledBack = inTransaction(pool, async (client) => {
      const { result } = await withinTransaction(client, () => letters.eraseFor([erased]));
      expect(result).toBe(5);
      throw new Error('the unit of work failed after the erasure');
    });
    await expect(rolledBack).rejects.toThrow('the unit of work failed');
    expect((await refresh(about)).value.toString()).toContain(NIK);
    expect((await refresh(about)).erasedAt).toBeNull();
  });

  it('lose their value and all but their CloudEvents headers, by subject, key or a mention in the value', async () => {
    await keys.destroy(erased);
    expect(await letters.eraseFor([erased.toUpperCase(), 'not-a-person-id'])).toBe(5);

    for (const letter of [about, keyedOnly, linked, binary, redrivenBefore]) {
      const now = await refresh(letter);
      expect({ id: now.id, value: now.value.toString(), erasedAt: now.erasedAt }).toEqual({
        id: letter.id,
        value: ERASED_DEAD_LETTER_VALUE,
        erasedAt: expect.any(Date),
      });
      expect(CLOUDEVENTS_ONLY(now.headers)).toEqual([]);
      // What says where, why and when stays.
      expect(now).toMatchObject({
        reason: letter.reason,
        detail: letter.detail,
        topic: letter.topic,
        offset: letter.offset,
        key: letter.key,
        failedAt: letter.failedAt,
        redrivenAt: letter.redrivenAt,
      });
    }
    const kept = await refresh(about);
    expect(kept.headers).toMatchObject({
      ce_subject: erased,
      ce_id: about.headers.ce_id,
      ce_type: about.headers.ce_type,
    });
    expect(kept.headers).not.toHaveProperty('x-name');
    expect(JSON.stringify(await letters.list({ includeRedriven: true }))).not.toContain(erased.toUpperCase());

    // Those of others are as they were.
    expect(await refresh(untouched)).toEqual(untouched);
    expect((await refresh(untouched)).value.toString()).toContain(NIK);
  });

  it('are erased once: erasing again erases nothing and keeps the first time', async () => {
    const first = (await refresh(about)).erasedAt;
    expect(await letters.eraseFor([erased])).toBe(0);
    expect((await refresh(about)).erasedAt).toEqual(first);
  });

  it('are never sent again, forced or not; the others still are', async () => {
    const publisher = new KeptPublisher();
    for (const force of [false, true]) {
      const outcome = await letters.redrive(publisher, about.id, { reason: 'try', force });
      expect(outcome).toEqual({ kind: 'erased', letter: await refresh(about) });
    }
    expect(await letters.redrive(publisher, redrivenBefore.id, { force: true })).toMatchObject({ kind: 'erased' });
    expect(publisher.sent).toEqual([]);
    expect((await refresh(about)).redrivenAt).toBeNull();

    expect(await letters.redrive(publisher, untouched.id)).toMatchObject({ kind: 'redriven' });
    expect(publisher.sent.map((m) => m.value.toString())).toEqual([untouched.value.toString()]);
  });
});

describe('a dead letter recorded after its person was erased', () => {
  it('keeps nothing of the data, in the table or on the dead-letter topic, when a person it names is erased', async () => {
    const person = randomUUID();
    await keys.destroy(person);
    for (const message of [
      event(person, { personId: person, nik: NIK }, { 'x-name': NAME }),
      raw(person, Buffer.from(NIK)),
      event(randomUUID(), { linkedPersonId: person, nik: NIK }),
    ]) {
      const { letter, copy } = await deadLetter(message);
      expect(letter).toMatchObject({ erasedAt: expect.any(Date), reason: 'invalid', offset: message.offset });
      expect(letter.value.toString()).toBe(ERASED_DEAD_LETTER_VALUE);
      expect(CLOUDEVENTS_ONLY(letter.headers)).toEqual([]);
      expect(copy.value.toString()).toBe(ERASED_DEAD_LETTER_VALUE);
      expect(copy.headers).toMatchObject({ dlq_erased: 'true', dlq_reason: 'invalid', dlq_offset: message.offset });
      expect(JSON.stringify(copy.headers)).not.toContain(NAME);
      expect(JSON.stringify(letter)).not.toContain(NIK);
    }
  });

  it('keeps nothing when the reaction failed because its person was erased, whoever it names', async () => {
    const { letter, copy } = await deadLetter(event(randomUUID(), { nik: NIK }), { personErased: true });
    expect(letter.erasedAt).toEqual(expect.any(Date));
    expect(letter.value.toString()).toBe(ERASED_DEAD_LETTER_VALUE);
    expect(copy.value.toString()).toBe(ERASED_DEAD_LETTER_VALUE);
  });

  it('keeps nothing when the erasure went on while it was recorded', async () => {
    const person = randomUUID();
    // The first question comes before the key is destroyed, the second after: the erasure's own
    // eraseFor may have looked before this row was there.
    const answers: string[][] = [[], [person]];
    const racing = new DeadLetters(pool, SCHEMA, { erasedAmong: async () => answers.shift() ?? [person] });
    const { letter, copy } = await deadLetter(event(person, { personId: person, nik: NIK }), { with: racing });
    expect(letter.erasedAt).toEqual(expect.any(Date));
    expect(letter.value.toString()).toBe(ERASED_DEAD_LETTER_VALUE);
    expect(copy.value.toString()).toBe(ERASED_DEAD_LETTER_VALUE);
    expect(copy.headers.dlq_erased).toBe('true');
  });

  it('keeps a PersonErased that failed here as it is, for an admin to send again and finish the erasure', async () => {
    const person = randomUUID();
    await keys.destroy(person);
    const data = { personId: person, persons: [person], ground: 'court-order', erasedAt: new Date().toISOString() };
    const failed = event(person, data, {}, PersonErasedV1.type);
    const { letter, copy } = await deadLetter(failed, { reason: 'failed-after-retries' });
    expect(letter.erasedAt).toBeNull();
    expect(JSON.parse(letter.value.toString())).toEqual(data);
    expect(copy.headers).not.toHaveProperty('dlq_erased');
    expect(await letters.eraseFor([person])).toBe(0);
    expect(await letters.redrive(new KeptPublisher(), letter.id, { reason: 'the table is back' })).toMatchObject({
      kind: 'redriven',
    });
    // One that did not fit its contract may carry anything: erased like any other.
    const malformed = event(person, { ...data, name: NAME }, {}, PersonErasedV1.type);
    expect((await deadLetter(malformed)).letter.erasedAt).toEqual(expect.any(Date));
  });

  it('keeps the data of a person who is not erased, for an admin to fix and send again', async () => {
    const person = randomUUID();
    await keys.keyFor(person);
    const { letter, copy } = await deadLetter(event(person, { personId: person, nik: NIK }, { 'x-name': NAME }));
    expect(letter.erasedAt).toBeNull();
    expect(letter.value.toString()).toContain(NIK);
    expect(letter.headers['x-name']).toBe(NAME);
    expect(copy.value.toString()).toContain(NIK);
    expect(copy.headers).not.toHaveProperty('dlq_erased');
  });
});
