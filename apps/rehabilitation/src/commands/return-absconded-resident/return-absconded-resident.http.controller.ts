import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { ReturnAbscondedResidentCommand } from './return-absconded-resident.command';
import { ReturnAbscondedResidentRequest } from './return-absconded-resident.request.dto';

@Controller('placements')
export class ReturnAbscondedResidentController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** Found and brought back to the bed that was held. */
  @Post(':placementId/return')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  returned(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: ReturnAbscondedResidentRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ReturnAbscondedResidentCommand(
        { type: 'ReturnAbscondedResident', placementId, actor: domainActor(actor), at: occurredAt(body.occurredAt) },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
