import type { LedgerEntryData } from './ledger.events';

/**
 * A service's access record (`id.lintas.<service>.access.recorded.v<n>`): one read of people's
 * data, or one refused. The domain is pure, so the type is matched here by its shape; the contracts
 * are in libs/contracts (`accessRecordedContract`).
 */
const ACCESS_RECORDED = /^id\.lintas\.[a-z0-9-]+\.access\.recorded\.v[0-9]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isAccessRecord(type: string): boolean {
  return ACCESS_RECORDED.test(type);
}

/**
 * Whom an access record is about: the persons the answer named and, as the service's own log reads
 * it (`AccessLog.forPerson`), the person the path asked for (a refusal names no one else). Lower
 * case, once each, in the order named.
 */
export function personsNamedBy(data: unknown): string[] {
  const record = (data ?? {}) as { personIds?: unknown; params?: unknown };
  const named = Array.isArray(record.personIds) ? record.personIds : [];
  const asked =
    record.params && typeof record.params === 'object' ? (record.params as { personId?: unknown }).personId : undefined;
  const ids = [...named, asked].filter((id): id is string => typeof id === 'string' && UUID.test(id));
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** One copy of an entry in the ledger: in a person's stream (`personId`), or in a stream about no one (`stream`). */
export type LedgerPlace = { personId: string; entry: LedgerEntryData } | { stream: string; entry: LedgerEntryData };

/**
 * Where an entry is kept. An integration event: in its person's stream. An access record: once in
 * the stream of each person it names, each copy carrying that person (so that each one's trail and
 * evidence bundle hold it). An entry about no one (a panti's bed book, a refusal by a case's id, a
 * list that came back empty) is in no trail: it gets a stream of its own (`<service>-<event id>`),
 * for a stream shared by all of them would be read whole at every append and grow without end.
 */
export function ledgerPlacesOf(entry: LedgerEntryData): LedgerPlace[] {
  const alone = (): LedgerPlace[] => [
    { stream: `${serviceOf(entry.source)}-${entry.eventId}`, entry: { ...entry, personId: null } },
  ];
  if (!isAccessRecord(entry.type)) return entry.personId ? [{ personId: entry.personId, entry }] : alone();
  const persons = personsNamedBy(entry.data);
  if (persons.length === 0) return alone();
  return persons.map((personId) => ({ personId, entry: { ...entry, personId } }));
}

/** `/lintas/rehabilitation` → `rehabilitation`: the stream of a service's events about no one. */
export function serviceOf(source: string): string {
  return source.replace(/^\/lintas\//, '').replace(/[^a-z0-9-]/g, '-');
}
