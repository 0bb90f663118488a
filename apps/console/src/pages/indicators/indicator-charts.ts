import { translateIfKnown, type Translate } from '../../i18n/i18n';
import type { Lang } from '../../i18n/i18n';
import type { IndicatorRow, Indicators } from '../../services/api-types';
import type { BarChart } from './charts';

export const CHART_IDS = ['returned', 'stage-days', 'declines', 'occupancy', 'caseload'] as const;
export type ChartId = (typeof CHART_IDS)[number];
export const isChartId = (id: string): id is ChartId => CHART_IDS.includes(id as ChartId);

/**
 * The five charts of the issue from one answer of the audit service's `GET /indicators`: the rows
 * of the region asked for (or, for all regions, of every province), counted as docs/indicators.md
 * defines them. A chart with no data is undefined.
 */
export function indicatorChart(id: ChartId, answer: Indicators, t: Translate, lang: Lang): BarChart | undefined {
  const rows = (indicator: string) =>
    answer.rows.filter(
      (row) =>
        row.indicator === indicator &&
        (answer.region ? row.regionCode === answer.region : row.regionLevel === 'province'),
    );
  const label = (prefix: string, code: string) => translateIfKnown(lang, `${prefix}.${code}`) ?? code;
  switch (id) {
    case 'returned': {
      const returned = rows('persons-returned');
      if (returned.length === 0) return undefined;
      return {
        title: t('chart.returned'),
        categories: answer.periods,
        series: [
          { name: t('chart.persons'), values: answer.periods.map((p) => sum(returned.filter((r) => r.period === p))) },
        ],
        unit: t('chart.persons'),
      };
    }
    case 'stage-days': {
      const period = lastPeriodOf(rows('stage-days'));
      if (!period) return undefined;
      const byStage = largestPerBreakdown(rows('stage-days').filter((r) => r.period === period));
      const stages = [...byStage.keys()];
      return {
        title: t('chart.stageDays', { period }),
        categories: stages.map((stage) => label('stage', stage)),
        series: [
          { name: t('chart.median'), values: stages.map((s) => byStage.get(s)?.value ?? 0) },
          { name: t('chart.p90'), values: stages.map((s) => byStage.get(s)?.p90 ?? 0) },
        ],
        unit: t('chart.days'),
      };
    }
    case 'declines': {
      const declines = totalsPerBreakdown(rows('rsj-referral-declines'));
      if (declines.size === 0) return undefined;
      return {
        title: t('chart.declines'),
        categories: [...declines.keys()].map((reason) => label('reason', reason)),
        series: [{ name: t('chart.declinesSeries'), values: [...declines.values()] }],
      };
    }
    case 'occupancy':
    case 'caseload': {
      const indicator = id === 'occupancy' ? 'panti-residents' : 'caseload';
      const period = lastPeriodOf(rows(indicator));
      if (!period) return undefined;
      const totals = totalsPerBreakdown(rows(indicator).filter((r) => r.period === period));
      return {
        title: t(id === 'occupancy' ? 'chart.occupancy' : 'chart.caseload', { period }),
        categories: [...totals.keys()],
        series: [{ name: t(id === 'occupancy' ? 'chart.residents' : 'chart.cases'), values: [...totals.values()] }],
      };
    }
  }
}

const sum = (rows: IndicatorRow[]): number => rows.reduce((total, row) => total + row.value, 0);

/** The last period with a row that counts something: a state "at the end of the period" is read there. */
function lastPeriodOf(rows: IndicatorRow[]): string | undefined {
  return rows
    .filter((row) => row.value > 0 || (row.observations ?? 0) > 0)
    .map((row) => row.period)
    .sort()
    .at(-1);
}

function totalsPerBreakdown(rows: IndicatorRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (row.value === 0) continue;
    const key = row.breakdown ?? '—';
    totals.set(key, (totals.get(key) ?? 0) + row.value);
  }
  return new Map([...totals].sort(([a], [b]) => a.localeCompare(b)));
}

/** Medians cannot be added: over several provinces, the row with the most observations stands for the stage. */
function largestPerBreakdown(rows: IndicatorRow[]): Map<string, IndicatorRow> {
  const chosen = new Map<string, IndicatorRow>();
  for (const row of rows) {
    const key = row.breakdown ?? '—';
    const held = chosen.get(key);
    if (!held || (row.observations ?? 0) > (held.observations ?? 0)) chosen.set(key, row);
  }
  return chosen;
}
