import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReferralWriter } from '../../application/referral-writer';
import { AdmitPatientRequest } from './admit-patient.request.dto';

@Controller('referrals')
export class AdmitPatientController {
  constructor(@Inject(ReferralWriter) private readonly referrals: ReferralWriter) {}

  @Post(':referralId/admission')
  @Allow('rsj')
  admit(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: AdmitPatientRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.referrals.execute(
      {
        type: 'AdmitPatient',
        referralId,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
        ward: body.ward,
        hospitalRecordNumber: body.hospitalRecordNumber,
      },
      { actor, expectedVersion: ifMatch },
    );
  }
}
