import { Body, Controller, Inject, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { RecordFollowUpMissedCommand } from './record-follow-up-missed.command';
import { RecordFollowUpMissedRequest } from './record-follow-up-missed.request.dto';

/** A follow-up visit that did not take place by its day. */
@Controller('reunifications')
export class RecordFollowUpMissedController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/follow-ups/:visit/missed')
  @Allow('dinas-sosial')
  recordFollowUpMissed(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Param('visit', new ParseIntPipe()) visit: number,
    @Body() body: RecordFollowUpMissedRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RecordFollowUpMissedCommand(
        {
          type: 'RecordFollowUpMissed',
          reunificationId,
          visit,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
