import { writeSync } from 'node:fs';

/** What a crash-test child tells the test that spawned it: one JSON object per line on stdout. */
export type Report =
  /** Loaded and waiting for 'go' on stdin before it connects anywhere (see holdUntilGo). */
  | { report: 'holding' }
  | { report: 'ready'; pid: number }
  /** A relay's batch the transport acknowledged; `total` counts this process's messages so far. */
  | { report: 'acked'; count: number; total: number }
  /** A relay parked after an acknowledged batch, before deleting it from the outbox: its ids. */
  | { report: 'parked'; ids: string[] }
  /** A consumer handled the batch holding the chosen event: its inbox commit is done, its offset commit not yet. */
  | { report: 'handled-chosen'; id: string; partition: number; offset: string }
  | { report: 'error'; message: string }
  | { report: 'stopped' };

export type ReportKind = Report['report'];
export type ReportOf<K extends ReportKind> = Extract<Report, { report: K }>;

/**
 * Written with a synchronous write: a report made just before the process kills itself must reach
 * the pipe, not wait in a stream buffer that dies with the process.
 */
export function report(value: Report): void {
  writeSync(1, `${JSON.stringify(value)}\n`);
}

/** The report on a line of a child's output, or undefined for anything else it printed. */
export function parseReport(line: string): Report | undefined {
  if (!line.startsWith('{"report":')) return undefined;
  try {
    return JSON.parse(line) as Report;
  } catch {
    return undefined;
  }
}
