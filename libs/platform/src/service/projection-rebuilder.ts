/**
 * How a service's read models are listed and rebuilt, for the admin routes every service has
 * (`/admin/projections`): the event store's Nest module provides it, the platform serves it, so
 * neither knows the other's insides.
 */
export const PROJECTION_REBUILDER = Symbol('PROJECTION_REBUILDER');

export const REBUILD_STATUSES = ['running', 'done', 'failed'] as const;
export type RebuildStatus = (typeof REBUILD_STATUSES)[number];

export interface RebuiltTableDigest {
  table: string;
  rows: number;
  digest: string;
}

/** One rebuild of a projection, as it stands (running) or ended. */
export interface ProjectionRebuildState {
  rebuildId: string;
  projection: string;
  status: RebuildStatus;
  /** Events folded into the rebuilt model so far, those of an interrupted earlier rebuild included. */
  done: number;
  /** Events in the store (it grows while appends go on). */
  total: number;
  /** Events already in the shadow when this rebuild started: an interrupted one resumed. */
  resumedFrom: number;
  eventsPerSecond: number;
  /** null until the rate is known. */
  etaSeconds: number | null;
  startedAt: string;
  finishedAt?: string;
  /** Done: the digest of the rebuilt tables as they were swapped in, and each table's. */
  digest?: string;
  tables?: RebuiltTableDigest[];
  /** Done: the live checkpoint after the swap (`transaction.sequence`). */
  position?: string;
  /** Done: how long the swap paused the live projection. */
  swapMs?: number;
  /** Failed: why (a stopped rebuild keeps its shadow; a new one resumes it). */
  error?: string;
}

export interface ProjectionState {
  name: string;
  /** Its checkpoint, `transaction.sequence` (`0.0` before its first event). */
  position: string;
  /** Events readers may see that it has not applied, and how long ago the oldest was recorded. */
  lagEvents: number;
  lagSeconds: number;
  /** A rebuild's shadow schema left by a rebuild that stopped: the next rebuild resumes it. */
  shadowSchema?: string;
  /** The latest rebuild in this process. */
  rebuild?: ProjectionRebuildState;
}

export type RebuildStart =
  | { started: ProjectionRebuildState }
  | { refused: 'unknown' }
  | { refused: 'running'; rebuild?: ProjectionRebuildState };

/** A read model's rows at a point in the past (GET /admin/projections/:name/rows?asOf=). */
export interface ProjectionRowsQuery {
  /** A time (ISO 8601) or a position of the store (`transaction.sequence`). */
  asOf: string;
  table: string;
  column?: string;
  value?: string;
  limit: number;
}

export type ProjectionRowsAnswer =
  | { rows: Record<string, unknown>[]; position: string; events: number }
  | { refused: 'unknown' | 'as-of' }
  | { refused: 'table' | 'column'; known: string[] };

export interface ProjectionRebuilder {
  /** The store's PostgreSQL schema. */
  readonly schema: string;
  list(): Promise<ProjectionState[]>;
  /** Starts a rebuild (in a shadow, swapped in when done); refused while one runs, here or elsewhere. */
  start(projection: string): Promise<RebuildStart>;
  /** The latest rebuild of the projection in this process; undefined when none or unknown. */
  status(projection: string): ProjectionRebuildState | undefined;
  has(projection: string): boolean;
  /** The projection's rows as they stood then: its events up to that point folded again, nothing kept. */
  rowsAsOf(projection: string, query: ProjectionRowsQuery): Promise<ProjectionRowsAnswer>;
}
