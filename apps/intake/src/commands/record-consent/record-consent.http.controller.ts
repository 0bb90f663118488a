import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { answered, IntakeWriter } from '../../application/intake-writer';

import { basisOf, RecordConsentRequest } from './record-consent.request.dto';

@Controller('cases')
export class RecordConsentController {
  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  /** The lawful basis of processing the person's data, for a purpose (UU PDP Pasal 20). */
  @Post(':caseId/consent')
  @Allow('dinas-sosial')
  async record(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: RecordConsentRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const written = await this.intake.case(
      {
        type: 'RecordConsent',
        caseId,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
        purpose: body.purpose,
        basis: basisOf(body),
        ...(body.capacityNote !== undefined && { capacityNote: body.capacityNote }),
      },
      { actor, expectedVersion: ifMatch },
    );
    return answered(written);
  }
}
