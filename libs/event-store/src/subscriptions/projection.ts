import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../events/event-types';

/** A read model fed from the global order. Its writes commit with its checkpoint, so nothing is applied twice. */
export interface Projection {
  /** Unique in the store: names its checkpoint. */
  readonly name: string;
  apply(events: RecordedEvent[], client: PoolClient): Promise<void>;
  /** CREATE … IF NOT EXISTS statements for its tables, applied before it first runs. */
  tables?(): string[];
  /** Forgets everything it built, for a rebuild from the first event. */
  reset(client: PoolClient): Promise<void>;
}
