import { EVENT, type LedgerStep } from './indicator-events';
import type { IndicatorReport, IndicatorRequest } from './indicators';

export const person = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const id = (prefix: string, n: number | string): string =>
  `${prefix.padEnd(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A ledger step as the query reads it; `at` is the publisher's time. */
export function step(type: string, personNumber: number, at: string, data: Record<string, unknown>): LedgerStep {
  return { personId: person(personNumber), type, occurredAt: at, data: { personId: person(personNumber), ...data } };
}

export const ask = (request: Partial<IndicatorRequest> = {}): IndicatorRequest => ({
  from: '2026-01',
  to: '2026-06',
  by: 'month',
  region: null,
  ...request,
});

/** The values of one indicator, as `regionCode period breakdown → value`, for a hand-computed comparison. */
export function values(report: IndicatorReport, indicator: string): Record<string, number> {
  return Object.fromEntries(
    report.rows
      .filter((row) => row.indicator === indicator)
      .map((row) => [[row.regionCode, row.period, row.breakdown].filter(Boolean).join(' '), row.value]),
  );
}

export const returned = (p: number, at: string, officeId: string, caseN = p): LedgerStep =>
  step(EVENT.reunificationCompleted, p, at, {
    reunificationId: id('aaaa', caseN),
    caseId: id('cccc', caseN),
    officeId,
    at,
  });
