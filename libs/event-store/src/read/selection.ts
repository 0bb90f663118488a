import type { GlobalPosition } from '../position';

/**
 * Stored events named by an admin's criteria, each narrowing the selection: a global position range
 * and a range of the time the store recorded them (both bounds inclusive), event ids, the person
 * they are about, and their types.
 */
export interface EventSelection {
  fromPosition?: GlobalPosition;
  toPosition?: GlobalPosition;
  /** By the metadata's `recordedAt`: when the store wrote them, not when they happened in the field. */
  from?: Date;
  to?: Date;
  eventIds?: readonly string[];
  personId?: string;
}

/**
 * The WHERE clause of a selection over `<schema>.events`, of only the given types when there are
 * any, and its parameters, numbered from $1.
 */
export function selectionFilter(
  selection: EventSelection,
  types: readonly string[] | undefined,
): { where: string; values: unknown[] } {
  const values: unknown[] = [];
  const parameter = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions: string[] = [];
  const { fromPosition, toPosition, from, to, eventIds, personId } = selection;
  if (fromPosition) {
    conditions.push(
      `(transaction_id, sequence) >= (${parameter(fromPosition.transactionId.toString())}::text::xid8, ${parameter(fromPosition.sequence.toString())}::bigint)`,
    );
  }
  if (toPosition) {
    conditions.push(
      `(transaction_id, sequence) <= (${parameter(toPosition.transactionId.toString())}::text::xid8, ${parameter(toPosition.sequence.toString())}::bigint)`,
    );
  }
  if (from) conditions.push(`(metadata->>'recordedAt')::timestamptz >= ${parameter(from.toISOString())}::timestamptz`);
  if (to) conditions.push(`(metadata->>'recordedAt')::timestamptz <= ${parameter(to.toISOString())}::timestamptz`);
  if (eventIds) conditions.push(`event_id = ANY(${parameter(eventIds)}::uuid[])`);
  if (personId) conditions.push(`person_id = ${parameter(personId)}::uuid`);
  if (types) conditions.push(`type = ANY(${parameter(types)}::text[])`);
  return { where: conditions.length > 0 ? conditions.join(' AND ') : 'true', values };
}
