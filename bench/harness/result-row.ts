/** One row of bench-results.json: Lintas beside the raw ceiling and the best peer, measured in the same run. */
export interface ResultRow {
  metric: string;
  unit: string;
  lintas: number | null;
  /** The same operation done plainly (plain SQL, the plain client): the ceiling. */
  raw: number | null;
  /** @event-driven-io/emmett doing the same. */
  emmett: number | null;
}

/** Whether a larger figure is better (throughput) or worse (latency). */
export function higherIsBetter(unit: string): boolean {
  return !/^(ms|s|µs|us)$/.test(unit);
}

export function formatTable(rows: ResultRow[]): string {
  const header = ['metric', 'unit', 'lintas', 'raw', 'emmett', 'lintas/raw', 'lintas/emmett'];
  const body = rows.map((row) => [
    row.metric,
    row.unit,
    figure(row.lintas),
    figure(row.raw),
    figure(row.emmett),
    ratio(row.lintas, row.raw),
    ratio(row.lintas, row.emmett),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

function figure(value: number | null): string {
  if (value === null) return '-';
  return value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2);
}

function ratio(lintas: number | null, other: number | null): string {
  return lintas === null || other === null || other === 0 ? '-' : `${(lintas / other).toFixed(2)}x`;
}
