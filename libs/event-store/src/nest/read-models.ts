import { applySchema } from '@lintas/platform/database/apply-schema';
import type { EventStore } from '../event-store';
import { parsePosition } from '../position';
import { CatchUpSubscription } from '../subscriptions/catch-up-subscription';
import { projectionLag, type ProjectionLag } from '../subscriptions/projection-lag';
import type { Projection } from '../subscriptions/projection';

const DEFAULT_WAIT_MS = 5_000;

/**
 * A service's read models, each fed by its own catch-up subscription. Reads are eventually
 * consistent; a client that must see its own write names the write's position and waits.
 */
export class ReadModels {
  private readonly subscriptions: CatchUpSubscription[];

  constructor(
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
    onError: (error: unknown) => void,
  ) {
    this.subscriptions = projections.map(
      (projection) => new CatchUpSubscription(store, projection, { onError, idleWaitMs: 500 }),
    );
  }

  /** Creates the read models' tables: before the service answers its first read. */
  async prepare(): Promise<void> {
    const statements = this.projections.flatMap((projection) => projection.tables?.() ?? []);
    if (statements.length > 0)
      await applySchema(this.store.pool, `lintas-read-models:${this.store.schema}`, statements);
  }

  start(): void {
    for (const subscription of this.subscriptions) subscription.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.map((subscription) => subscription.stop()));
  }

  /** How far each read model is behind what readers may see now. */
  lag(): Promise<ProjectionLag[]> {
    return projectionLag(
      this.store,
      this.projections.map((projection) => projection.name),
    );
  }

  /** Resolves once every read model has applied the position; ReadModelsBehindError (a 504 at the edge) after the wait. */
  async waitFor(position: string | undefined, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    if (position === undefined) return;
    const target = parsePosition(position);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ReadModelsBehindError(`the read models did not reach ${position} in ${timeoutMs} ms; retry`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([Promise.all(this.subscriptions.map((s) => s.waitFor(target))), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A read asked for a position its read models have not reached in time: the client may retry. */
export class ReadModelsBehindError extends Error {
  readonly code = 'read-model.behind';
  constructor(detail: string) {
    super(detail);
    this.name = 'ReadModelsBehindError';
  }
}
