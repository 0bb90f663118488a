import { Controller, Get, HttpCode, Inject, Optional, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import {
  PROJECTION_REBUILDER,
  type ProjectionRebuilder,
  type ProjectionRebuildState,
} from '../../service/projection-rebuilder';
import { SERVICE_NAME } from '../../service/service-tokens';
import { Allow, RequireScopes } from '../agency/agency.guard';
import { ADMIN_SCOPE } from '../agency/agency-token';
import { EdgeError } from '../problems/http-errors';
import { ProjectionRowsQuery } from './projection-rows.request.dto';
import { ProjectionRebuildView, ProjectionRowsResponse, ProjectionsResponse } from './projections.response.dto';

const NAME = { name: 'name', description: "The projection's name, as GET /admin/projections lists it." };

/**
 * /admin/projections — an admin sees where each of this service's read models stands, and has one
 * rebuilt from the first event without taking it from its readers: built in a shadow schema while
 * the live one goes on serving, checked by its digest, swapped in at once (the event store's
 * module does it: PROJECTION_REBUILDER).
 */
@Controller('admin/projections')
export class ProjectionsController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Optional() @Inject(PROJECTION_REBUILDER) private readonly rebuilder?: ProjectionRebuilder,
  ) {}

  /** Every projection of the service: its checkpoint, its lag, and its latest rebuild here. */
  @Get()
  @ApiOkResponse({ type: ProjectionsResponse, description: "The service's projections." })
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  async list(): Promise<ProjectionsResponse> {
    const rebuilder = this.kept();
    const projections = await rebuilder.list();
    return {
      service: this.service,
      schema: rebuilder.schema,
      projections: projections.map(({ rebuild, ...projection }) => ({
        ...projection,
        ...(rebuild && { rebuild: view(rebuild) }),
      })),
    };
  }

  /**
   * Starts a rebuild of the projection from the first event, in a shadow schema, while the live
   * read model goes on serving and being updated. When the shadow has caught up, one transaction
   * pauses the live projection, applies the last events, takes the digest of the rebuilt tables
   * and swaps them in: readers see the old tables or the new ones, never an empty one. A rebuild
   * that stopped (the service was stopped, the process died) is resumed from its shadow's
   * checkpoint. Answers at once (202); GET tells its progress. One rebuild of a projection at a
   * time: 409 `projection.rebuild-running` while one runs.
   */
  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ProjectionRebuildView, description: 'Started: its id and progress so far.' })
  @ApiParam(NAME)
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  async rebuild(@Param('name') name: string): Promise<ProjectionRebuildView> {
    const outcome = await this.kept().start(name);
    if ('started' in outcome) return view(outcome.started);
    if (outcome.refused === 'unknown') throw unknown(this.service, name);
    throw new EdgeError(
      409,
      'projection.rebuild-running',
      `a rebuild of ${name} is running already${outcome.rebuild ? ` (${outcome.rebuild.rebuildId})` : ' (in another instance)'}`,
      outcome.rebuild ? { rebuildId: outcome.rebuild.rebuildId } : {},
    );
  }

  /** The projection's latest rebuild in this instance: running (done, total, rate, ETA), done (its digest) or failed. */
  @Get(':name/rebuild')
  @ApiOkResponse({ type: ProjectionRebuildView, description: 'The latest rebuild of the projection.' })
  @ApiParam(NAME)
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  status(@Param('name') name: string): ProjectionRebuildView {
    const rebuilder = this.kept();
    if (!rebuilder.has(name)) throw unknown(this.service, name);
    const state = rebuilder.status(name);
    if (!state) throw new EdgeError(404, 'projection.no-rebuild', `${name} has not been rebuilt by this instance`);
    return view(state);
  }

  /**
   * The read model's rows as they stood at a time or position: its projection fed again with the
   * events the store held then, in a schema of its own inside a transaction that is rolled back —
   * the live tables are not touched and nothing is kept. Every read model has a past this way, not
   * only those that keep a history. It costs a replay up to that point: an admin's question.
   */
  @Get(':name/rows')
  @ApiOkResponse({ type: ProjectionRowsResponse, description: 'The rows then, and the last event folded in.' })
  @ApiParam(NAME)
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  async rows(@Param('name') name: string, @Query() query: ProjectionRowsQuery): Promise<ProjectionRowsResponse> {
    const answer = await this.kept().rowsAsOf(name, { ...query, limit: query.limit ?? 100 });
    if ('rows' in answer)
      return { service: this.service, projection: name, table: query.table, asOf: query.asOf, ...answer };
    switch (answer.refused) {
      case 'unknown':
        throw unknown(this.service, name);
      case 'as-of':
        throw new EdgeError(400, 'as-of.invalid', 'asOf must be a time (ISO 8601) or a position such as 1234.0');
      case 'table':
        throw new EdgeError(404, 'projection.table-unknown', `${name} has no table ${query.table}`, {
          tables: answer.known,
        });
      case 'column':
        throw new EdgeError(400, 'projection.column-unknown', `${query.table} has no column ${query.column ?? ''}`, {
          columns: answer.known,
        });
    }
  }

  private kept(): ProjectionRebuilder {
    if (!this.rebuilder) throw new EdgeError(404, 'store.none', `${this.service} keeps no event store`);
    return this.rebuilder;
  }
}

function unknown(service: string, name: string): EdgeError {
  return new EdgeError(404, 'projection.unknown', `${service} has no projection ${name}`);
}

function view({ eventsPerSecond, ...state }: ProjectionRebuildState): ProjectionRebuildView {
  return { ...state, rate: eventsPerSecond };
}
