import { Body, Controller, HttpCode, Inject, Optional, Post } from '@nestjs/common';
import { ApiAcceptedResponse } from '@nestjs/swagger';
import { SERVICE_NAME } from '../../service/service-tokens';
import { REDELIVERER, type Redeliverer, type RedeliverySelection } from '../../service/redeliverer';
import { Actor, Allow, RequireScopes } from '../agency/agency.guard';
import { ADMIN_SCOPE, type AgencyActor } from '../agency/agency-token';
import { EdgeError, InvalidRequestError, type FieldError } from '../problems/http-errors';
import { NewId } from '../request-context';
import { RedeliveryRequest, type RedeliverySelectionDto } from './redelivery.request.dto';
import { RedeliveryResponse } from './redelivery.response.dto';

/**
 * POST /admin/redeliveries — an admin has the service publish some of its integration events again,
 * with their own CloudEvents ids, to every consumer or to one consumer group. The messaging module
 * does it (REDELIVERER); the service records each redelivery and announces it to the ledger.
 */
@Controller('admin/redeliveries')
export class RedeliveriesController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Optional() @Inject(REDELIVERER) private readonly redeliverer?: Redeliverer,
  ) {}

  /**
   * Sends the selected events this service publishes again, through its outbox (at least once, each
   * person's in order), with their own ids: a receiver that handled one skips it by its inbox, one
   * that missed it handles it now. To the topics they were published on (every consumer reads them
   * again), or with `target.consumerGroup` to that group's redelivery topics
   * (`<topic>.redelivery.<group>`), which only its consumers read. At most 10,000 events at once
   * (422 `redelivery.too-many`, with the count). The redelivery is recorded, with who asked and
   * why, in the service's store (`RedeliveryRequested`), and published to the ledger
   * (`id.lintas.<service>.redelivery.requested.v1`, without the reason).
   */
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: RedeliveryResponse,
    description: 'Taken: the events are in the outbox, on their way; the redelivery is recorded.',
  })
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  async redeliver(
    @Body() body: RedeliveryRequest,
    @Actor() actor: AgencyActor,
    @NewId('redelivery') redeliveryId: string,
  ): Promise<RedeliveryResponse> {
    const selection = checkedSelection(body.selection);
    if (!this.redeliverer) throw new EdgeError(404, 'redeliveries.none', `${this.service} publishes no events`);
    const consumerGroup = body.target?.consumerGroup;
    const outcome = await this.redeliverer.redeliver({
      redeliveryId,
      by: { agencyId: actor.agencyId, clientId: actor.clientId, ...(actor.userId && { userId: actor.userId }) },
      reason: body.reason,
      selection,
      ...(consumerGroup !== undefined && { consumerGroup }),
    });
    switch (outcome.kind) {
      case 'too-many':
        throw new EdgeError(
          422,
          'redelivery.too-many',
          `the selection holds ${outcome.count} events; one redelivery sends at most ${outcome.max}: narrow it`,
          { count: outcome.count, max: outcome.max },
        );
      case 'nothing-selected':
        throw new EdgeError(
          422,
          'redelivery.nothing-selected',
          `the selection holds no event ${this.service} publishes`,
        );
      case 'redelivered':
        return {
          redeliveryId: outcome.redeliveryId,
          events: outcome.events,
          firstPosition: outcome.firstPosition,
          lastPosition: outcome.lastPosition,
          topics: outcome.topics,
        };
    }
  }
}

/** The selection as a plain object of the criteria given, at least one, each range in order. */
function checkedSelection(given: RedeliverySelectionDto): RedeliverySelection {
  const selection: RedeliverySelection = Object.fromEntries(
    Object.entries(given).filter(([, value]) => value !== undefined),
  );
  const problems: FieldError[] = [];
  if (Object.keys(selection).length === 0) {
    problems.push({
      field: 'selection',
      messages: ['selection needs at least one of fromPosition, toPosition, from, to, eventIds, personId, topic'],
    });
  }
  const { fromPosition, toPosition, from, to } = selection;
  if (fromPosition !== undefined && toPosition !== undefined && comparePositions(fromPosition, toPosition) > 0) {
    problems.push({ field: 'selection.toPosition', messages: ['toPosition must not come before fromPosition'] });
  }
  if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) {
    problems.push({ field: 'selection.to', messages: ['to must not come before from'] });
  }
  if (problems.length > 0) throw new InvalidRequestError(problems);
  return selection;
}

/** Two positions as the API writes them (`<transaction>.<sequence>`), compared in the store's order. */
function comparePositions(a: string, b: string): number {
  const [at, as] = a.split('.').map(BigInt);
  const [bt, bs] = b.split('.').map(BigInt);
  if (at !== bt) return (at ?? 0n) < (bt ?? 0n) ? -1 : 1;
  if (as !== bs) return (as ?? 0n) < (bs ?? 0n) ? -1 : 1;
  return 0;
}
