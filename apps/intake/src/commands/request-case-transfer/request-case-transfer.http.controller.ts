import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { occurredAt } from '@lintas/platform/http/field-time';
import { addressedAgency } from '../../application/agencies';
import { AGENCY_DIRECTORY, type AgencyDirectory } from '../../reference-data/agency-directory';
import { RequestCaseTransferCommand } from './request-case-transfer.command';
import { RequestCaseTransferRequest } from './request-case-transfer.request.dto';

@Controller('cases')
export class RequestCaseTransferController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
  ) {}

  /** The owning office asks another to take the case; it stays here until that office accepts. */
  @Post(':caseId/transfer')
  @Allow('dinas-sosial')
  request(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: RequestCaseTransferRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RequestCaseTransferCommand(
        {
          type: 'RequestCaseTransfer',
          caseId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          toOffice: addressedAgency(this.agencies, body.toOfficeId, 'toOfficeId'),
          reason: body.reason,
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
