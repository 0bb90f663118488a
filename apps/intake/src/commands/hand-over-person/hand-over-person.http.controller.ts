import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { addressedAgency } from '../../application/agencies';
import { domainActor } from '../../application/domain-actor';
import { occurredAt } from '@lintas/platform/http/field-time';
import { AGENCY_DIRECTORY, type AgencyDirectory } from '../../reference-data/agency-directory';
import { HandOverPersonCommand } from './hand-over-person.command';
import { HandOverPersonRequest } from './hand-over-person.request.dto';

@Controller('pickups')
export class HandOverPersonController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
  ) {}

  /** The unit hands the person to the office (or the office records the receipt); the pickup closes. */
  @Post(':pickupId/hand-over')
  @Allow('satpol-pp', 'polri', 'dinas-sosial')
  handOver(
    @Param('pickupId', new ParseUUIDPipe()) pickupId: string,
    @Body() body: HandOverPersonRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new HandOverPersonCommand(
        {
          type: 'HandOverPerson',
          pickupId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          office: addressedAgency(this.agencies, body.officeId, 'officeId'),
          ...(body.receivedBy !== undefined && { receivedBy: body.receivedBy }),
          ...(body.conditionOnReceipt !== undefined && { conditionOnReceipt: body.conditionOnReceipt }),
          ...(body.belongingsHandedOver !== undefined && { belongingsHandedOver: body.belongingsHandedOver }),
          ...(body.shelter !== undefined && { shelter: body.shelter }),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
