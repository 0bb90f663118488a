import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/domain-actor';
import { RecordTreatmentNoteCommand } from './record-treatment-note.command';
import { RecordTreatmentNoteRequest } from './record-treatment-note.request.dto';

@Controller('referrals')
export class RecordTreatmentNoteController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  // Notes add to the record without changing its state, so they take no If-Match.
  @Post(':referralId/treatment-notes')
  @Allow('rsj')
  record(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: RecordTreatmentNoteRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RecordTreatmentNoteCommand(
        {
          type: 'RecordTreatmentNote',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          note: body.note,
        },
        byRequest(actor),
      ),
    );
  }
}
