export type SystemName = 'lintas' | 'raw' | 'emmett';

/** An event store under test (or the plain-SQL ceiling), opened on a fresh database of its own. */
export interface EventStoreSubject {
  readonly name: SystemName;
  /** Appends `count` events to a stream now at `expectedVersion`; the system must refuse if it is not. */
  append(streamId: string, count: number, expectedVersion: number): Promise<void>;
  /** Reads a stream whole, in order, decoded; resolves with how many events it read. */
  readStream(streamId: string): Promise<number>;
  /** Reads events in global order, page by page, decoded, to the end or `limit`; resolves with how many. */
  replayAll(pageSize: number, limit?: number): Promise<number>;
  /** Builds the per-stream event counter again from the first event; resolves with the events it counted. */
  rebuildCounts(batchSize: number): Promise<number>;
  /**
   * The counter built again from the first event in a shadow schema while the live one serves,
   * then swapped in; resolves with the events it counted. Null where the system has no such rebuild.
   */
  readonly rebuildCountsWithSwap: ((batchSize: number) => Promise<number>) | null;
  /** Hash-chain verification, or null where the system keeps no hashes. */
  readonly chain: ChainVerification | null;
  close(): Promise<void>;
}

export interface ChainVerification {
  /** Untimed work that verification needs first (Lintas: sealing). */
  prepare(): Promise<void>;
  /** Checks every stored event against its hash; resolves with how many it checked. */
  verify(): Promise<number>;
}
