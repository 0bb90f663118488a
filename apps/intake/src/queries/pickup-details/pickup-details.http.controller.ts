import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { IntakeWriter } from '../../application/intake-writer';
import type { PickupHandedOver, PickupReportView } from './pickup-view';
import { pickupView } from './pickup-view';

@Controller('pickups')
export class PickupDetailsController {
  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  /**
   * A pickup and its hand-over receipt, from its stream. The reporting unit sees its own pickups
   * and nothing that happened after the hand-over; the receiving office, and the office of the
   * region where the person was found, see them too.
   */
  @Get(':pickupId')
  @Allow('satpol-pp', 'polri', 'dinas-sosial')
  async show(
    @Param('pickupId', new ParseUUIDPipe()) pickupId: string,
    @Actor() actor: AgencyActor,
  ): Promise<{ report: PickupReportView; handOver: PickupHandedOver | null; version: number }> {
    const { events, version } = await this.intake.loadPickup(pickupId);
    const view = pickupView(events);
    const mine =
      view &&
      (view.report.unitId === actor.agencyId ||
        view.handOver?.officeId === actor.agencyId ||
        (actor.kind === 'dinas-sosial' && view.report.location.regionCode === actor.regionCode));
    if (!view || !mine) throw new DomainError('pickup.not-found', 'no such pickup', 'not-found');
    return { ...view, version };
  }
}
