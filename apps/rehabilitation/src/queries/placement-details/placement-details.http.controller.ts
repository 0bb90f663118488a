import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { EventStore } from '@lintas/event-store/event-store';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { pantiStreamId, placementStreamId } from '../../application/streams';
import { pantiDecider } from '../../domain/panti/panti.decider';
import type { PantiEvent } from '../../domain/panti/panti.events';
import type { PlacementEvent } from '../../domain/placement/placement.events';
import { isPending, placementView, withQueue, type PlacementView } from './placement-view';

/**
 * One placement, read from its stream (always current, so no position to wait for), shown only
 * to the panti it is addressed to and the office that owns the case now. The version is the ETag.
 */
@Controller('placements')
export class PlacementDetailsController {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  @Get(':placementId')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  async read(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Actor() actor: AgencyActor,
  ): Promise<PlacementView> {
    const history = await this.store.readStream(placementStreamId(placementId));
    const events = history.map((event) => ({ type: event.type, data: event.data }) as PlacementEvent);
    const view = placementView(events, history.at(-1)?.streamVersion ?? 0);
    const mayRead = view && (actor.kind === 'panti' ? view.pantiId : view.officeId) === actor.agencyId;
    if (!view || !mayRead) {
      throw new DomainError('placement.not-found', `no placement ${placementId} for this agency`, 'not-found');
    }
    if (!isPending(view)) return view;
    const panti = (await this.store.readStream(pantiStreamId(view.pantiId)))
      .map((event) => ({ type: event.type, data: event.data }) as PantiEvent)
      .reduce(pantiDecider.evolve, pantiDecider.initialState);
    return withQueue(view, panti);
  }
}
