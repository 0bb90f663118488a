import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { ReturnResidentFromRsjCommand } from './return-resident-from-rsj.command';
import { ReturnResidentFromRsjRequest } from './return-resident-from-rsj.request.dto';

/**
 * Usually recorded by reaction to health-liaison's discharge naming this placement; by hand when
 * the resident came back some other way.
 */
@Controller('placements')
export class ReturnResidentFromRsjController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':placementId/return-from-rsj')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi', 'rsj')
  returnResidentFromRsj(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: ReturnResidentFromRsjRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ReturnResidentFromRsjCommand(
        {
          type: 'ReturnResidentFromRsj',
          placementId,
          rsjId: body.rsjId ?? (actor.kind === 'rsj' ? actor.agencyId : null),
          referralId: body.referralId ?? null,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
