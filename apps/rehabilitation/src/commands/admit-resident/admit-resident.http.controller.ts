import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { AdmitResidentCommand } from './admit-resident.command';
import { AdmitResidentRequest } from './admit-resident.request.dto';

@Controller('placements')
export class AdmitResidentController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** Refused (409 panti.no-free-bed) unless a bed is held for this placement: the queue admits in order. */
  @Post(':placementId/admit')
  @Allow('panti')
  admit(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: AdmitResidentRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new AdmitResidentCommand(
        {
          type: 'AdmitResident',
          placementId,
          unit: body.unit ?? null,
          bed: body.bed ?? null,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
