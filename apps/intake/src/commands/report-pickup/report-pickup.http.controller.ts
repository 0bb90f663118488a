import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { deterministicUuid, NewId } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { instant, occurredAt } from '@lintas/platform/http/field-time';
import { toClaimedIdentity, toDescriptors } from '../../application/identity.dto';
import { ReportPickupCommand } from './report-pickup.command';
import { ReportPickupRequest } from './report-pickup.request.dto';
import { ReportPickupResponse } from './report-pickup.response.dto';

@Controller('pickups')
export class ReportPickupController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** A unit reports a person it brought in; the answer names the person the pickup is about. */
  @Post()
  @ApiCreatedResponse({
    type: ReportPickupResponse,
    description: 'Reported: the new version, the position the write produced and the person the pickup is about.',
  })
  @Allow('satpol-pp', 'polri', 'dinas-sosial')
  report(
    @Body() body: ReportPickupRequest,
    @Actor() actor: AgencyActor,
    @NewId('pickup') pickupId: string,
  ): Promise<ReportPickupResponse> {
    const { location } = body;
    return this.commands.execute(
      new ReportPickupCommand(
        {
          type: 'ReportPickup',
          pickupId,
          // From the pickup's id: a retry after a lost answer names the same person.
          personId: deterministicUuid(`person:${pickupId}`),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          foundAt: instant(body.foundAt),
          location: {
            text: location.text,
            regionCode: location.regionCode,
            ...(location.districtCode !== undefined && { kecamatanCode: location.districtCode }),
            ...(location.lat !== undefined && { lat: location.lat }),
            ...(location.lon !== undefined && { lon: location.lon }),
          },
          officerRefs: body.officerRefs ?? [],
          circumstances: body.circumstances,
          ...(body.circumstancesNote !== undefined && { circumstancesNote: body.circumstancesNote }),
          observedCondition: body.observedCondition,
          belongings: body.belongings ?? [],
          ...(body.claimedIdentity && { claimedIdentity: toClaimedIdentity(body.claimedIdentity) }),
          ...(body.descriptors && { descriptors: toDescriptors(body.descriptors) }),
          ...(body.photoRef !== undefined && { photoRef: body.photoRef }),
        },
        byRequest(actor),
      ),
    );
  }
}
