import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { answered, IntakeWriter } from '../../application/intake-writer';

import { DeclineCaseTransferRequest } from './decline-case-transfer.request.dto';

@Controller('cases')
export class DeclineCaseTransferController {
  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  /** The addressed office refuses the case, saying why; it stays with its owner. */
  @Post(':caseId/transfer/decline')
  @Allow('dinas-sosial')
  async decline(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: DeclineCaseTransferRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const written = await this.intake.case(
      {
        type: 'DeclineCaseTransfer',
        caseId,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
        reason: body.reason,
      },
      { actor, expectedVersion: ifMatch },
    );
    return answered(written);
  }
}
