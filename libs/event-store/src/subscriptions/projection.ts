import type { PoolClient } from 'pg';
import type { DomainEvent } from '../decider';
import type { RecordedEvent } from '../events/event-types';

/**
 * A read model fed from the global order. Its writes commit with its checkpoint, so nothing is
 * applied twice. Typed by the service's event union: a service's store holds only its own types.
 * It keeps its state in its tables, never in memory: a rebuild replaces the tables under it
 * (shadow-rebuild.ts).
 */
export interface Projection<Event extends DomainEvent = DomainEvent> {
  /** Unique in the store: names its checkpoint. */
  readonly name: string;
  apply(events: (RecordedEvent & Event)[], client: PoolClient): Promise<void>;
  /**
   * CREATE … IF NOT EXISTS statements for its tables (`CREATE TABLE IF NOT EXISTS <schema>.<table>`),
   * applied before it first runs. The tables they create are the ones a rebuild swaps.
   */
  tables?(): string[];
  /** Forgets everything it built, for a rebuild from the first event. */
  reset(client: PoolClient): Promise<void>;
  /**
   * Copies into its own tables (this instance's schema: a rebuild's shadow) the rows of the live
   * tables in `liveSchema` that it did not write and no replay brings back (a reaction's), just
   * before the rebuilt tables replace the live ones, in the swap's transaction. Only for a
   * projection that shares a table with another writer; its `reset` keeps the same rows.
   */
  carryForeignRows?(client: PoolClient, liveSchema: string): Promise<void>;
}
