import type { Request } from 'express';
import type { MessageKey } from '../../i18n/messages.id';
import type { Indicators } from '../../services/api-types';
import type { ApiResult } from '../../services/service-api';
import { notice, refusal, table } from '../../views/components';
import { href, html, trustedMarkup, type Html } from '../../views/html';
import { layout } from '../../views/layout';
import type { PageContext } from '../../views/page-context';
import { barChartSvg, inlineSvg, type BarChart } from './charts';
import { CHART_IDS, indicatorChart } from './indicator-charts';

export interface IndicatorFilter {
  from: string;
  to: string;
  by: 'month' | 'year';
  /** Empty: every region the audit service answers for. */
  region: string;
  invalid: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const REGION = /^\d{2}(\d{2})?$/;

/** The month an instant falls in on the user's clock. */
function monthOf(at: number, offsetHours: number): string {
  return new Date(at + offsetHours * 3_600_000).toISOString().slice(0, 7);
}

function monthsBefore(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The filter from the query: the last twelve months on the user's clock and the user's own region
 * unless asked otherwise; a malformed value falls back to its default and is said so.
 */
export function readFilter(request: Request, ctx: PageContext): IndicatorFilter {
  const query = request.query;
  const text = (name: string) => {
    const value = query[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const thisMonth = monthOf(Date.now(), ctx.zone.offsetHours);
  const [to, from, region, by] = [text('to'), text('from'), text('region'), text('by')];
  const validTo = to && MONTH.test(to) ? to : thisMonth;
  const validFrom = from && MONTH.test(from) && from <= validTo ? from : monthsBefore(validTo, 11);
  const validRegion = region === undefined ? (ctx.user?.regionCode ?? '') : REGION.test(region) ? region : '';
  return {
    from: validFrom,
    to: validTo,
    by: by === 'year' ? 'year' : 'month',
    region: validRegion,
    invalid:
      (to !== undefined && to !== validTo) ||
      (from !== undefined && from !== '' && from !== validFrom) ||
      (region !== undefined && region !== '' && region !== validRegion),
  };
}

export function indicatorsQuery(filter: IndicatorFilter): string {
  const query = new URLSearchParams({ from: filter.from, to: filter.to, by: filter.by });
  if (filter.region) query.set('region', filter.region);
  return query.toString();
}

export function indicatorsPage(ctx: PageContext, filter: IndicatorFilter, answer: ApiResult<Indicators>): Html {
  const { t } = ctx;
  const params = { from: filter.from, to: filter.to, by: filter.by, region: filter.region };
  return layout(ctx, {
    title: t('indicators.title'),
    section: 'indicators',
    main: html`<form method="get" action="/indicators" class="filters">
        <div>
          <label for="from">${t('filter.from')}</label>
          <input id="from" name="from" type="month" value="${filter.from}" required />
        </div>
        <div>
          <label for="to">${t('filter.to')}</label>
          <input id="to" name="to" type="month" value="${filter.to}" required />
        </div>
        <div>
          <label for="region">${t('filter.region')}</label>
          <input
            id="region"
            name="region"
            inputmode="numeric"
            pattern="\\d{2}(\\d{2})?"
            maxlength="4"
            value="${filter.region}"
            aria-describedby="region-hint"
          />
          <span class="hint" id="region-hint">${t('filter.region.hint')}</span>
        </div>
        <div>
          <label for="by">${t('filter.by')}</label>
          <select id="by" name="by">
            <option value="month" ${filter.by === 'month' && html`selected`}>${t('filter.by.month')}</option>
            <option value="year" ${filter.by === 'year' && html`selected`}>${t('filter.by.year')}</option>
          </select>
        </div>
        <div class="actions"><button type="submit">${t('filter.apply')}</button></div>
      </form>
      ${filter.invalid && notice('warn', t('filter.invalid'))}
      <p>
        <a class="button secondary" href="${href('/indicators/export.csv', params)}" download>${t('indicators.csv')}</a>
      </p>
      ${answer.ok ? chartsOf(ctx, answer.body, params) : refusal(ctx, answer)}`,
  });
}

function chartsOf(ctx: PageContext, answer: Indicators, params: Record<string, string>): Html {
  const { t, format } = ctx;
  return html`<p class="hint">
      ${t('indicators.scope', { region: answer.region ?? t('indicators.allRegions'), from: answer.from, to: answer.to })}
      · ${t('indicators.computedAt', { time: format.instant(answer.computedAt) })}
    </p>
    <div class="charts">
      ${CHART_IDS.map((id) => {
        const chart = indicatorChart(id, answer, t, ctx.lang);
        return html`<figure class="chart" id="chart-${id}" data-chart="${id}" data-has-data="${chart ? 'yes' : 'no'}">
          ${
            chart
              ? drawn(ctx, id, chart, params)
              : html`<figcaption>${t(`chart.title.${id}` as MessageKey)}</figcaption>
                  <p class="empty">${t('chart.noData')}</p>`
          }
        </figure>`;
      })}
    </div>
    ${
      answer.notes.length > 0 &&
      html`<details class="notes">
        <summary>${t('indicators.notes')}</summary>
        <ul>
          ${answer.notes.map((note) => html`<li>${note}</li>`)}
        </ul>
      </details>`
    }`;
}

function drawn(ctx: PageContext, id: string, chart: BarChart, params: Record<string, string>): Html {
  const { t, format } = ctx;
  const captionId = `chart-${id}-caption`;
  return html`<figcaption id="${captionId}">${chart.title}</figcaption>
    ${trustedMarkup(inlineSvg(barChartSvg(chart), captionId))}
    <details>
      <summary>${t('chart.table')}</summary>
      ${table(
        chart.title,
        [t('chart.category'), ...chart.series.map((series) => series.name)],
        chart.categories.map((category, i) => [
          category,
          ...chart.series.map((series) => format.num(series.values[i])),
        ]),
      )}
    </details>
    <p><a href="${href(`/indicators/charts/${id}.svg`, params)}" download>${t('indicators.svg')}</a></p>`;
}
