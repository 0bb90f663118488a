import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { answered, IntakeWriter } from '../../application/intake-writer';

import { AcceptCaseTransferRequest } from './accept-case-transfer.request.dto';

@Controller('cases')
export class AcceptCaseTransferController {
  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  /** The addressed office takes the case over and becomes its owner. */
  @Post(':caseId/transfer/accept')
  @Allow('dinas-sosial')
  async accept(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: AcceptCaseTransferRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const written = await this.intake.case(
      { type: 'AcceptCaseTransfer', caseId, actor: domainActor(actor), at: occurredAt(body.occurredAt) },
      { actor, expectedVersion: ifMatch },
    );
    return answered(written);
  }
}
