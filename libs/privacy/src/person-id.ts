const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one spelling of a person id. It is authenticated data of every wrapped key and sealed value,
 * so 'ABC…' and 'abc…', the same uuid to PostgreSQL, must not become two different keys of the cipher.
 */
export function canonicalPersonId(personId: string): string {
  if (!isPersonId(personId)) throw new Error(`A person id must be a UUID such as 7d3c0b8e-36a7-4f0e-9d8a-1f0e2b7c9a11`);
  return personId.toLowerCase();
}

/** Whether a string can be a person id (a UUID, in any case). */
export function isPersonId(value: string): boolean {
  return UUID.test(value);
}
