import { randomUUID } from 'node:crypto';
import type {
  ProjectionRebuilder,
  ProjectionRebuildState,
  ProjectionState,
  ProjectionRowsAnswer,
  ProjectionRowsQuery,
  RebuildStart,
} from '@lintas/platform/service/projection-rebuilder';
import { parseAsOf } from '../as-of';
import type { EventStore } from '../event-store';
import { formatPosition } from '../position';
import { Checkpoints } from '../subscriptions/checkpoints';
import { projectionLag } from '../subscriptions/projection-lag';
import type { Projection } from '../subscriptions/projection';
import { ReadModelAsOf, UnknownColumnError, UnknownTableError } from '../subscriptions/read-model-as-of';
import {
  RebuildInProgressError,
  shadowSchemaOf,
  ShadowRebuild,
  type ShadowRebuildProgress,
} from '../subscriptions/shadow-rebuild';

/** A service's projections for a schema: the one factory the live read models and their rebuilds are made by. */
export type ProjectionFactory = (schema: string) => readonly Projection[];

export interface ProjectionRebuildsOptions {
  batchSize?: number;
  /** A rebuild ended: done or failed. */
  onEnd?: (state: ProjectionRebuildState, error?: unknown) => void;
}

/**
 * The service's rebuilds (what `/admin/projections` serves, PROJECTION_REBUILDER): each in a shadow
 * schema, swapped in when caught up (ShadowRebuild), one per projection at a time, their progress
 * kept in memory for the status route. Stopping the service stops them between two batches; their
 * shadows stay, and the next rebuild of the projection resumes where it stopped.
 */
export class ProjectionRebuilds implements ProjectionRebuilder {
  private readonly names: string[];
  private readonly latest = new Map<string, ProjectionRebuildState>();
  private readonly running = new Map<string, { stop: AbortController; done: Promise<void> }>();
  private readonly checkpoints: Checkpoints;

  constructor(
    private readonly store: EventStore,
    private readonly projectionsFor: ProjectionFactory,
    private readonly options: ProjectionRebuildsOptions = {},
  ) {
    this.names = projectionsFor(store.schema).map((projection) => projection.name);
    this.checkpoints = new Checkpoints(store.schema);
  }

  get schema(): string {
    return this.store.schema;
  }

  has(projection: string): boolean {
    return this.names.includes(projection);
  }

  status(projection: string): ProjectionRebuildState | undefined {
    const state = this.latest.get(projection);
    return state && { ...state };
  }

  async list(): Promise<ProjectionState[]> {
    const [lags, shadows] = await Promise.all([projectionLag(this.store, this.names), this.shadows()]);
    return Promise.all(
      this.names.map(async (name) => {
        const lag = lags.find((l) => l.projection === name);
        const shadowSchema = shadowSchemaOf(this.schema, name);
        const rebuild = this.status(name);
        return {
          name,
          position: formatPosition(await this.checkpoints.read(this.store.pool, name)),
          lagEvents: lag?.events ?? 0,
          lagSeconds: lag?.seconds ?? 0,
          ...(shadows.has(shadowSchema) && rebuild?.status !== 'running' && { shadowSchema }),
          ...(rebuild && { rebuild }),
        };
      }),
    );
  }

  async rowsAsOf(projection: string, query: ProjectionRowsQuery): Promise<ProjectionRowsAnswer> {
    if (!this.has(projection)) return { refused: 'unknown' };
    const asOf = parseAsOf(query.asOf);
    if (!asOf) return { refused: 'as-of' };
    try {
      return await new ReadModelAsOf(this.store, this.builder(projection)).rows(asOf, query);
    } catch (error) {
      if (error instanceof UnknownTableError) return { refused: 'table', known: [...error.known] };
      if (error instanceof UnknownColumnError) return { refused: 'column', known: [...error.known] };
      throw error;
    }
  }

  /** The factory's projection of that name, for any schema: a rebuild's shadow, a point in the past. */
  private builder(projection: string): (schema: string) => Projection {
    return (schema: string): Projection => {
      const found = this.projectionsFor(schema).find((p) => p.name === projection);
      if (!found) throw new Error(`no projection ${projection}`);
      return found;
    };
  }

  async start(projection: string): Promise<RebuildStart> {
    const build = this.builder(projection);
    if (!this.has(projection)) return { refused: 'unknown' };
    if (this.running.has(projection)) return { refused: 'running', rebuild: this.status(projection) };
    const previous = this.latest.get(projection);
    const state: ProjectionRebuildState = {
      rebuildId: randomUUID(),
      projection,
      status: 'running',
      done: 0,
      total: 0,
      resumedFrom: 0,
      eventsPerSecond: 0,
      etaSeconds: null,
      startedAt: new Date().toISOString(),
    };
    const stop = new AbortController();
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const onProgress = (progress: ShadowRebuildProgress) => {
      Object.assign(state, {
        done: progress.done,
        total: progress.total,
        resumedFrom: progress.resumedFrom,
        eventsPerSecond: progress.eventsPerSecond,
        etaSeconds: progress.etaSeconds,
      });
      markStarted();
    };
    let refusedElsewhere = false;
    const done = (async () => {
      try {
        const rebuild = new ShadowRebuild(this.store, projection, build, {
          onProgress,
          signal: stop.signal,
          ...(this.options.batchSize !== undefined && { batchSize: this.options.batchSize }),
        });
        const result = await rebuild.run();
        Object.assign(state, {
          status: 'done',
          done: result.done,
          total: Math.max(state.total, result.done),
          eventsPerSecond: Math.round(result.eventsPerSecond),
          etaSeconds: 0,
          finishedAt: new Date().toISOString(),
          digest: result.digest,
          tables: result.tables,
          position: formatPosition(result.position),
          swapMs: Math.round(result.swapMs),
        });
        this.options.onEnd?.({ ...state });
      } catch (error) {
        if (error instanceof RebuildInProgressError) refusedElsewhere = true;
        Object.assign(state, {
          status: 'failed',
          finishedAt: new Date().toISOString(),
          error: error instanceof Error ? error.message : String(error),
        });
        this.options.onEnd?.({ ...state }, error);
      } finally {
        this.running.delete(projection);
        markStarted();
      }
    })();
    // Registered before the first await: a second request in the meantime is refused.
    this.running.set(projection, { stop, done });
    this.latest.set(projection, state);
    // Answered once the rebuild holds the projection's lock and has found or made its shadow.
    await started;
    if (refusedElsewhere) {
      if (previous) this.latest.set(projection, previous);
      else this.latest.delete(projection);
      return { refused: 'running' };
    }
    return { started: { ...state } };
  }

  /** Stops every running rebuild between two batches (their shadows stay) and waits for them. */
  async stop(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) run.stop.abort();
    await Promise.all(runs.map((run) => run.done));
  }

  private async shadows(): Promise<Set<string>> {
    const { rows } = await this.store.pool.query<{ schema: string }>(
      `SELECT nspname AS schema FROM pg_namespace WHERE nspname LIKE $1`,
      [`${this.schema}\\_rebuild\\_%`],
    );
    return new Set(rows.map((row) => row.schema));
  }
}
