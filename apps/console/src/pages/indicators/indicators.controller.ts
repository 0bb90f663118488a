import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Indicators } from '../../services/api-types';
import { ServiceApi } from '../../services/service-api';
import { notice, refusal } from '../../views/components';
import { layout } from '../../views/layout';
import { sendPage, signedIn } from '../../web/pages';
import { barChartSvg } from './charts';
import { indicatorChart, isChartId } from './indicator-charts';
import { indicatorsPage, indicatorsQuery, readFilter } from './indicators.view';

/**
 * The indicators the audit service computes from its ledger, as charts drawn here with ECharts,
 * for a region and a period; the CSV is the audit service's own, passed through unchanged.
 */
@Controller('indicators')
export class IndicatorsController {
  constructor(@Inject(ServiceApi) private readonly api: ServiceApi) {}

  @Get()
  async indicators(@Req() request: Request, @Res() response: Response): Promise<void> {
    const ctx = signedIn(request);
    const filter = readFilter(request, ctx);
    const answer = await this.api.get<Indicators>(ctx.session, 'audit', `/indicators?${indicatorsQuery(filter)}`, {
      returnTo: ctx.path,
      lang: ctx.lang,
    });
    sendPage(response, indicatorsPage(ctx, filter, answer));
  }

  @Get('export.csv')
  async csv(@Req() request: Request, @Res() response: Response): Promise<void> {
    const ctx = signedIn(request);
    const filter = readFilter(request, ctx);
    const answer = await this.api.raw(ctx.session, 'audit', `/indicators?${indicatorsQuery(filter)}&format=csv`, {
      returnTo: ctx.path,
      lang: ctx.lang,
      accept: 'text/csv',
    });
    if ('ok' in answer) {
      return sendPage(
        response,
        layout(ctx, { title: ctx.t('indicators.title'), section: 'indicators', main: refusal(ctx, answer) }),
        502,
      );
    }
    response
      .status(200)
      .type(answer.contentType)
      .attachment(`lintas-indicators-${filter.region || 'all'}-${filter.from}-${filter.to}.csv`)
      .send(answer.body);
  }

  /** One chart as an SVG file, drawn from the same answer as the page's. */
  @Get('charts/:file')
  async chart(@Param('file') file: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const id = file.replace(/\.svg$/, '');
    if (!isChartId(id) || !file.endsWith('.svg')) throw new NotFoundException();
    const ctx = signedIn(request);
    const filter = readFilter(request, ctx);
    const answer = await this.api.get<Indicators>(ctx.session, 'audit', `/indicators?${indicatorsQuery(filter)}`, {
      returnTo: ctx.path,
      lang: ctx.lang,
    });
    const chart = answer.ok ? indicatorChart(id, answer.body, ctx.t, ctx.lang) : undefined;
    if (!answer.ok || !chart) {
      return sendPage(
        response,
        layout(ctx, {
          title: ctx.t('indicators.title'),
          section: 'indicators',
          main: answer.ok ? notice('info', ctx.t('chart.noData')) : refusal(ctx, answer),
        }),
        404,
      );
    }
    response
      .status(200)
      .type('image/svg+xml')
      .attachment(`lintas-${id}-${filter.region || 'all'}-${filter.from}-${filter.to}.svg`)
      .send(barChartSvg(chart, { width: 960, height: 480, titled: true }));
  }
}
