import { Inject, Injectable } from '@nestjs/common';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { pickupStream } from '../../domain/pickup/pickup.stream';
import { pickupView, type PickupHandedOver, type PickupReportView } from './pickup-view';

export interface PickupDetails {
  report: PickupReportView;
  handOver: PickupHandedOver | null;
  version: number;
}

@Injectable()
export class PickupDetailsReadModel {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  /**
   * For the reporting unit (a pickup ends at the hand-over, so it sees nothing later), the
   * receiving office and the office of the region where the person was found.
   */
  async pickupFor(pickupId: string, actor: AgencyActor): Promise<PickupDetails | undefined> {
    const { history, version } = await this.streams.load(pickupStream, pickupId);
    const view = pickupView(history);
    const mine =
      view &&
      (view.report.unitId === actor.agencyId ||
        view.handOver?.officeId === actor.agencyId ||
        (actor.kind === 'dinas-sosial' && view.report.location.regionCode === actor.regionCode));
    return view && mine ? { ...view, version } : undefined;
  }
}
