import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { ADMIN_SCOPE, type AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { EdgeError, ScopeMissingError } from '@lintas/platform/http/problems/http-errors';
import { INDICATOR_EVENT_TYPES, type LedgerStep } from '../../domain/indicators/indicator-events';
import { computeIndicators, INDICATORS } from '../../domain/indicators/indicators';
import { localMonthOf, Periods } from '../../domain/indicators/periods';
import { regionAccess } from '../../domain/indicators/regions';
import { CSV_COLUMNS, indicatorsCsv } from './indicators.csv';
import { IndicatorsQuery } from './indicators.request.dto';
import { IndicatorsResponse } from './indicators.response.dto';

/** Ten years of months: enough for any report, and a bound on the work of one request. */
const MAX_MONTHS = 120;

/** GET /indicators — the indicators the Renstra counts, from the ledger (docs/indicators.md). */
@Controller('indicators')
@ApiExtraModels(IndicatorsResponse)
export class IndicatorsController {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  /**
   * The indicators the Renstra and the agencies count (persons returned to their families, time per
   * stage, declines by reason, panti residents, caseload per office, follow-ups done, families'
   * tracing requests and their matches, complaints answered on time), computed from the ledger for
   * a region and months, by month or year: JSON, or CSV when the request accepts
   * `text/csv` or says `format=csv`. Aggregates only: no answer names a person. An admin (whose token
   * must carry the `lintas.admin` scope) reads every region; a Dinas Sosial its own kabupaten/kota; a
   * provincial Dinas Sosial its province and the province's kabupaten/kota (else 403). Definitions,
   * the region rule and what the events lack: docs/indicators.md.
   */
  @Get()
  @ApiOkResponse({
    description:
      'The indicators as JSON, or as CSV (one line per indicator, region, period and breakdown; columns ' +
      `${CSV_COLUMNS.join(', ')}).`,
    content: {
      'application/json': { schema: { $ref: getSchemaPath(IndicatorsResponse) } },
      'text/csv': {
        schema: { type: 'string' },
        example: `${CSV_COLUMNS.join(',')}\r\npersons-returned,persons,kabupaten-kota,3507,2026-03,,4,,,,\r\n`,
      },
    },
  })
  @Allow('admin', 'dinas-sosial', 'dinas-sosial-provinsi')
  async indicators(
    @Query() query: IndicatorsQuery,
    @Actor() actor: AgencyActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IndicatorsResponse | string> {
    // The route lets offices in without the admin scope, so an admin's token is checked for it here.
    if (actor.kind === 'admin' && !actor.scopes?.includes(ADMIN_SCOPE)) throw new ScopeMissingError([ADMIN_SCOPE]);
    const access = regionAccess(actor, query.region);
    if (!access.allowed) throw new EdgeError(403, 'indicators.region-not-allowed', access.reason);

    const to = query.to ?? localMonthOf(Date.now(), undefined);
    const from = query.from ?? `${to.slice(0, 4)}-01`;
    if (from > to) throw new EdgeError(400, 'indicators.period-invalid', `from (${from}) comes after to (${to})`);
    if (new Periods(from, to, 'month').monthCount > MAX_MONTHS) {
      throw new EdgeError(400, 'indicators.period-invalid', `at most ${MAX_MONTHS} months in one request`);
    }

    const report = computeIndicators(await this.steps(), { from, to, by: query.by ?? 'month', region: access.region });
    response.vary('Accept');
    const csv = query.format === 'csv' || (query.format === undefined && wantsCsv(response));
    if (csv) {
      response.type('text/csv; charset=utf-8; header=present');
      response.attachment(`lintas-indicators-${access.region ?? 'all'}-${from}-${to}.csv`);
      return indicatorsCsv(report.rows);
    }
    return {
      ...report,
      definitions: INDICATORS.map((definition) => ({ ...definition, events: [...definition.events] })),
      computedAt: new Date().toISOString(),
    };
  }

  /** Every ledger step of the types the indicators read, in the ledger's order. */
  private async steps(): Promise<LedgerStep[]> {
    const { rows } = await this.pool.query<{
      person_id: string | null;
      type: string;
      occurred_at: Date;
      data: unknown;
    }>(
      `SELECT person_id::text, type, occurred_at, data FROM ${this.store.schema}.ledger_entries
        WHERE type = ANY($1::text[])
        ORDER BY transaction_id, sequence`,
      [INDICATOR_EVENT_TYPES],
    );
    return rows.map((row) => ({
      personId: row.person_id,
      type: row.type,
      occurredAt: row.occurred_at.toISOString(),
      data: row.data,
    }));
  }
}

/** CSV when the request's Accept prefers it to JSON; any other Accept, or none, gets JSON. */
function wantsCsv(response: Response): boolean {
  return response.req.accepts(['application/json', 'text/csv']) === 'text/csv';
}
