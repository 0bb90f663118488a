import type { ResultRow } from './result-row';

/** What every benchmark suite gets: the real servers of this run and a way to report progress. */
export interface BenchContext {
  /** A PostgreSQL URL of a role that may create databases. */
  postgresAdminUrl: string;
  kafkaBrokers: string[];
  log(message: string): void;
}

export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<ResultRow[]>;
}
