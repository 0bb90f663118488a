import type { PoolClient } from 'pg';
import type { DomainEvent } from '../decider';
import type { RecordedEvent } from '../events/event-types';

/**
 * A read model fed from the global order. Its writes commit with its checkpoint, so nothing is
 * applied twice. Typed by the service's event union: a service's store holds only its own types.
 */
export interface Projection<Event extends DomainEvent = DomainEvent> {
  /** Unique in the store: names its checkpoint. */
  readonly name: string;
  apply(events: (RecordedEvent & Event)[], client: PoolClient): Promise<void>;
  /** CREATE … IF NOT EXISTS statements for its tables, applied before it first runs. */
  tables?(): string[];
  /** Forgets everything it built, for a rebuild from the first event. */
  reset(client: PoolClient): Promise<void>;
}
