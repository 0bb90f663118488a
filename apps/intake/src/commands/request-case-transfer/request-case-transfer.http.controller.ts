import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { answered, IntakeWriter } from '../../application/intake-writer';
import { addressedAgency } from '../../application/agencies';
import { AGENCY_DIRECTORY, type AgencyDirectory } from '../../reference-data/agency-directory';

import { RequestCaseTransferRequest } from './request-case-transfer.request.dto';

@Controller('cases')
export class RequestCaseTransferController {
  constructor(
    @Inject(IntakeWriter) private readonly intake: IntakeWriter,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
  ) {}

  /** The owning office asks another to take the case; it stays here until that office accepts. */
  @Post(':caseId/transfer')
  @Allow('dinas-sosial')
  async request(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: RequestCaseTransferRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const written = await this.intake.case(
      {
        type: 'RequestCaseTransfer',
        caseId,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
        toOffice: addressedAgency(this.agencies, body.toOfficeId, 'toOfficeId'),
        reason: body.reason,
      },
      { actor, expectedVersion: ifMatch },
    );
    return answered(written);
  }
}
