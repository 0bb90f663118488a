import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { occurredAt } from '@lintas/platform/http/field-time';
import { AcceptCaseTransferCommand } from './accept-case-transfer.command';
import { AcceptCaseTransferRequest } from './accept-case-transfer.request.dto';

@Controller('cases')
export class AcceptCaseTransferController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The addressed office takes the case over and becomes its owner. */
  @Post(':caseId/transfer/accept')
  @Allow('dinas-sosial')
  accept(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: AcceptCaseTransferRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new AcceptCaseTransferCommand(
        { type: 'AcceptCaseTransfer', caseId, actor: domainActor(actor), at: occurredAt(body.occurredAt) },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
