import { ERASED } from './erased';
import { decryptValue, encryptValue, isSealed } from './field-cipher';
import { updateAt, valuesAt } from './field-paths';
import { canonicalPersonId } from './person-id';
import type { PersonKeyState, PersonKeyStore } from './person-key-store';

/** A record with personal fields: the person whose key seals them, and the dot paths of those fields. */
export interface PersonalRecord {
  readonly personId: string | null | undefined;
  readonly data: object;
  readonly paths: readonly string[];
}

/**
 * Seals the personal fields of a record under its person's key before it is stored or sent, and
 * opens them when read. After `erase`, the fields open as ERASED, everywhere and for good.
 *
 * Paths are sealed in the order given and opened in reverse, so a path inside another
 * ('family.contacts[].phone', then 'family') still opens. A missing path, or a null or undefined
 * value, is left as it is; a value that is not sealed is passed through by `open` (records from
 * before sealing).
 */
export class PersonalDataProtector {
  constructor(private readonly keys: PersonKeyStore) {}

  /**
   * A copy of `data` with the values at `paths` sealed (`data` itself when there is nothing to seal);
   * the input is never modified. Throws PersonErasedError when the person was erased and there is
   * something to seal.
   */
  async seal(personId: string | null | undefined, data: object, paths: readonly string[]): Promise<object> {
    if (paths.length === 0) return data;
    if (!personId) throw new Error('Personal data must name its person: without a person id it could never be erased');
    const id = canonicalPersonId(personId);
    const values = paths.flatMap((path) => valuesAt(data, path).map((value) => ({ path, value })));
    const plain = values.some(({ value }) => value !== null && value !== undefined && !isSealed(value));
    const sealed = values.filter(({ value }) => isSealed(value));
    if (!plain && sealed.length === 0) return data;

    let key: Buffer;
    if (plain) {
      key = await this.keys.keyFor(id);
    } else {
      const state = await this.keys.readKey(id);
      // Sealed already, for a person since erased: unreadable either way, nothing to do.
      if (state === 'erased') return data;
      if (state === undefined) throw notSealedFor(id, sealed[0]?.path);
      key = state;
    }
    // A value that merely looks sealed (typed in by someone, or sealed for another person) would be
    // stored in clear, or as a record that never opens: refuse it now rather than on every read.
    for (const { path, value } of sealed) {
      try {
        decryptValue(key, value as string, id);
      } catch {
        throw notSealedFor(id, path);
      }
    }
    return paths.reduce<object>(
      (result, path) =>
        updateAt(result, path, (value) =>
          value === null || value === undefined || isSealed(value) ? value : encryptValue(key, value, id),
        ),
      data,
    );
  }

  /**
   * A copy of `data` with the sealed values at `paths` opened, or ERASED when the person's key was
   * destroyed (or never existed). A value that does not open under an existing key was altered or
   * misplaced: that throws, since it is not an erasure.
   */
  async open(personId: string | null | undefined, data: object, paths: readonly string[]): Promise<object> {
    if (!hasSealed(data, paths)) return data;
    const id = requirePerson(personId);
    return openWith(await this.keys.readKey(id), id, data, paths);
  }

  /** `open` for many records, with one key lookup for all of them; results in the order given. */
  async openMany(items: readonly PersonalRecord[]): Promise<object[]> {
    const ids = items.map((item) => (hasSealed(item.data, item.paths) ? requirePerson(item.personId) : undefined));
    const wanted = ids.filter((id) => id !== undefined);
    const states = wanted.length > 0 ? await this.keys.readKeys(wanted) : new Map<string, PersonKeyState>();
    return items.map((item, i) => {
      const id = ids[i];
      return id === undefined ? item.data : openWith(states.get(id), id, item.data, item.paths);
    });
  }

  /** UU PDP erasure: destroys the person's key, so their sealed fields open as ERASED from now on. */
  async erase(personId: string): Promise<void> {
    await this.keys.destroy(personId);
  }

  /**
   * Which of these ids name a person erased by now (read from PostgreSQL, not a cache): for what
   * keeps data that is not sealed, such as a dead letter, to keep nothing of them.
   */
  erasedAmong(personIds: readonly string[]): Promise<string[]> {
    return this.keys.erasedAmong(personIds);
  }
}

function openWith(state: PersonKeyState, id: string, data: object, paths: readonly string[]): object {
  let result = data;
  for (const path of [...paths].reverse()) {
    result = updateAt(result, path, (value) => {
      if (!isSealed(value)) return value;
      if (!Buffer.isBuffer(state)) return ERASED;
      try {
        return decryptValue(state, value, id);
      } catch {
        throw new Error(`The value at '${path}' of person ${id} does not open under their key: altered or misplaced`);
      }
    });
  }
  return result;
}

function hasSealed(data: object, paths: readonly string[]): boolean {
  return paths.some((path) => valuesAt(data, path).some(isSealed));
}

function requirePerson(personId: string | null | undefined): string {
  if (!personId) throw new Error('Sealed personal data without a person id cannot be opened');
  return canonicalPersonId(personId);
}

function notSealedFor(id: string, path: string | undefined): Error {
  return new Error(`The value at '${path}' looks sealed but was not sealed for person ${id}`);
}
