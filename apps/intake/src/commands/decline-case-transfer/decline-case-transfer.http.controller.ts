import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { occurredAt } from '@lintas/platform/http/field-time';
import { DeclineCaseTransferCommand } from './decline-case-transfer.command';
import { DeclineCaseTransferRequest } from './decline-case-transfer.request.dto';

@Controller('cases')
export class DeclineCaseTransferController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The addressed office refuses the case, saying why; it stays with its owner. */
  @Post(':caseId/transfer/decline')
  @Allow('dinas-sosial')
  decline(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: DeclineCaseTransferRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new DeclineCaseTransferCommand(
        {
          type: 'DeclineCaseTransfer',
          caseId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          reason: body.reason,
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
