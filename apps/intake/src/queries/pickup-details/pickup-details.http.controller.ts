import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { PickupDetailsReadModel } from './pickup-details.read-model';
import { PickupDetailsResponse } from './pickup-details.response.dto';

@Controller('pickups')
export class PickupDetailsController {
  constructor(@Inject(PickupDetailsReadModel) private readonly details: PickupDetailsReadModel) {}

  /**
   * A pickup and its hand-over receipt, from its stream. The reporting unit sees its own pickups
   * and nothing that happened after the hand-over; the receiving office, and the office of the
   * region where the person was found, see them too.
   */
  @Get(':pickupId')
  @ApiOkResponse({
    type: PickupDetailsResponse,
    description: 'The pickup, its hand-over and its version (also the ETag).',
  })
  @Allow('satpol-pp', 'polri', 'dinas-sosial')
  async show(
    @Param('pickupId', new ParseUUIDPipe()) pickupId: string,
    @Actor() actor: AgencyActor,
  ): Promise<PickupDetailsResponse> {
    const details = await this.details.pickupFor(pickupId, actor);
    if (!details) throw new DomainError('pickup.not-found', 'no such pickup', 'not-found');
    return details;
  }
}
