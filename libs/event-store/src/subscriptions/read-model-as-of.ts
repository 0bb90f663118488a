import { randomBytes } from 'node:crypto';
import type { EventStore } from '../event-store';
import { historyAsOf, type AsOf } from '../as-of';
import { comparePositions, formatPosition, START, type GlobalPosition } from '../position';
import { decodeRows, rowPosition } from '../read/decode';
import type { Projection } from './projection';
import { projectionTables } from './shadow-rebuild';

const BATCH = 5_000;

/** Which rows of a read model's table: all of them, or those whose column holds this value (as text). */
export interface RowQuery {
  table: string;
  column?: string;
  value?: string;
  limit: number;
}

export interface RowsAsOf {
  /** The last event folded: the read model as it stood after it (`0.0` when none was). */
  position: string;
  events: number;
  rows: Record<string, unknown>[];
}

export class UnknownTableError extends Error {
  constructor(
    readonly table: string,
    readonly known: readonly string[],
  ) {
    super(`no table ${table} in this read model; it has ${known.join(', ')}`);
    this.name = 'UnknownTableError';
  }
}

export class UnknownColumnError extends Error {
  constructor(
    readonly column: string,
    readonly known: readonly string[],
  ) {
    super(`no column ${column} in that table; it has ${known.join(', ')}`);
    this.name = 'UnknownColumnError';
  }
}

/**
 * Any read model's rows as they stood at a point in the past. A read model keeps only its present,
 * so its past is folded again: the same projection (made by the same factory as the live one) fed
 * every event the store held at that point, into a schema of its own inside one transaction that
 * is rolled back at the end. Nothing stays, readers of the live tables wait for nothing, and the
 * answer is exactly what the live read model held then — for any projection, without each keeping
 * a history. The cost is a replay up to that point (replay runs at hundreds of thousands of events
 * a second); it is an admin's question, not a hot path.
 *
 * The rows are as stored: personal fields stay sealed, as in the live tables.
 */
export class ReadModelAsOf {
  constructor(
    private readonly store: EventStore,
    private readonly build: (schema: string) => Projection,
  ) {}

  async rows(asOf: AsOf, query: RowQuery): Promise<RowsAsOf> {
    const schema = `${this.store.schema}_asof_${randomBytes(6).toString('hex')}`.slice(0, 63);
    const projection = this.build(schema);
    const tables = projectionTables(projection);
    if (!tables.includes(query.table)) throw new UnknownTableError(query.table, tables);
    const client = await this.store.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        await client.query(`CREATE SCHEMA ${schema}`);
        for (const statement of projection.tables?.() ?? []) await client.query(statement);
        const { rows: columns } = await client.query<{ name: string }>(
          `SELECT column_name AS name FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
          [schema, query.table],
        );
        const known = columns.map((column) => column.name);
        if (query.column !== undefined && !known.includes(query.column)) {
          throw new UnknownColumnError(query.column, known);
        }
        let after: GlobalPosition = START;
        let last: GlobalPosition = START;
        let events = 0;
        for (;;) {
          const rows = await this.store.readAllRows({ after, maxCount: BATCH });
          const [start, end] = [rows[0], rows.at(-1)];
          if (!start || !end) break;
          after = rowPosition(end);
          // Past the position asked for: nothing later belongs to that point.
          if ('position' in asOf && comparePositions(rowPosition(start), asOf.position) > 0) break;
          const held = historyAsOf(await decodeRows(rows, this.store.registry, this.store.cipher), asOf);
          const newest = held.at(-1);
          if (newest) {
            await projection.apply(held, client);
            events += held.length;
            last = newest.position;
          }
        }
        // The column was checked against the table's own: quoting it is enough.
        const where = query.column === undefined ? '' : `WHERE t."${query.column}"::text = $2`;
        const { rows } = await client.query<{ row: Record<string, unknown> }>(
          `SELECT to_jsonb(t) AS row FROM ${schema}."${query.table}" AS t ${where} LIMIT $1`,
          query.column === undefined ? [query.limit] : [query.limit, query.value ?? ''],
        );
        return { position: formatPosition(last), events, rows: rows.map((r) => r.row) };
      } finally {
        await client.query('ROLLBACK').catch((error: unknown) => {
          broken = error instanceof Error ? error : new Error(String(error));
        });
      }
    } finally {
      client.release(broken);
    }
  }
}
