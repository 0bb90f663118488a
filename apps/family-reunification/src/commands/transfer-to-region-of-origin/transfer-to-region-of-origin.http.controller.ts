import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { TransferToRegionOfOriginCommand } from './transfer-to-region-of-origin.command';
import { TransferToRegionOfOriginRequest } from './transfer-to-region-of-origin.request.dto';

/** The family lives in another kabupaten/kota: the person goes to that region's Dinas Sosial, which completes the return once it owns the case (intake's transfer). */
@Controller('reunifications')
export class TransferToRegionOfOriginController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/transfer-to-origin')
  @Allow('dinas-sosial')
  transferToRegionOfOrigin(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: TransferToRegionOfOriginRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new TransferToRegionOfOriginCommand(
        {
          type: 'TransferToRegionOfOrigin',
          reunificationId,
          toOfficeId: body.toOfficeId,
          ...(body.escort !== undefined && { escort: body.escort }),
          ...(body.handedTo !== undefined && { handedTo: body.handedTo }),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
