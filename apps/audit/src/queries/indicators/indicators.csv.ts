import type { IndicatorRow } from '../../domain/indicators/indicators';

/** The CSV columns, in order (docs/indicators.md, "CSV"). */
export const CSV_COLUMNS = [
  'indicator',
  'unit',
  'region_level',
  'region_code',
  'period',
  'breakdown',
  'value',
  'numerator',
  'denominator',
  'observations',
  'p90',
] as const;

/**
 * The rows as CSV (RFC 4180): a header line, then one line per row, CRLF line ends, a field quoted
 * when it holds a comma, a quote or a line end; an absent value is an empty field.
 */
export function indicatorsCsv(rows: readonly IndicatorRow[]): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((row) =>
      [
        row.indicator,
        row.unit,
        row.regionLevel,
        row.regionCode,
        row.period,
        row.breakdown,
        row.value,
        row.numerator,
        row.denominator,
        row.observations,
        row.p90,
      ]
        .map(field)
        .join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
