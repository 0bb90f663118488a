import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { answered, IntakeWriter } from '../../application/intake-writer';

import { RecordAbscondingRequest } from './record-absconding.request.dto';

@Controller('cases')
export class RecordAbscondingController {
  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  /** The person left the office's shelter; escapes from an RSJ or panti arrive from those services. */
  @Post(':caseId/absconding')
  @Allow('dinas-sosial')
  async record(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: RecordAbscondingRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult> {
    const at = occurredAt(body.occurredAt);
    const written = await this.intake.case(
      {
        type: 'RecordAbsconding',
        caseId,
        actor: domainActor(actor),
        at,
        abscondedAt: body.lastSeenAt ? occurredAt(body.lastSeenAt) : at,
        from: 'shelter',
        reportedBy: actor.agencyId,
      },
      { actor },
    );
    return answered(written);
  }
}
