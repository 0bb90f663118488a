import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReferralWriter } from '../../application/referral-writer';
import { RecordTreatmentNoteRequest } from './record-treatment-note.request.dto';

@Controller('referrals')
export class RecordTreatmentNoteController {
  constructor(@Inject(ReferralWriter) private readonly referrals: ReferralWriter) {}

  // Notes add to the record without changing its state, so they take no If-Match.
  @Post(':referralId/treatment-notes')
  @Allow('rsj')
  record(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: RecordTreatmentNoteRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult> {
    return this.referrals.execute(
      {
        type: 'RecordTreatmentNote',
        referralId,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
        note: body.note,
      },
      { actor },
    );
  }
}
