/**
 * Where an event stands in the store's one global order.
 *
 * The order is (transaction id, sequence): a reader only reads events of transactions older than
 * every transaction still running (below the snapshot's xmin), so an event committed late can
 * never appear behind a position a reader has already passed. No global counter row serialises
 * the writers.
 */
export interface GlobalPosition {
  readonly transactionId: bigint;
  readonly sequence: bigint;
}

export const START: GlobalPosition = Object.freeze({ transactionId: 0n, sequence: 0n });

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.sequence !== b.sequence) return a.sequence < b.sequence ? -1 : 1;
  return 0;
}

/** The position as clients see it, e.g. in a write's response: `<transaction>.<sequence>`. */
export function formatPosition(position: GlobalPosition): string {
  return `${position.transactionId}.${position.sequence}`;
}

export function parsePosition(text: string): GlobalPosition {
  const match = /^(\d{1,20})\.(\d{1,20})$/.exec(text);
  if (!match) throw new Error(`not a position: '${text}' (expected <transaction>.<sequence>)`);
  return { transactionId: BigInt(match[1] ?? '0'), sequence: BigInt(match[2] ?? '0') };
}
