import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { RecordFamilyDeclinedReturnCommand } from './record-family-declined-return.command';
import { RecordFamilyDeclinedReturnRequest } from './record-family-declined-return.request.dto';

/** The located family declines to take the person back. */
@Controller('reunifications')
export class RecordFamilyDeclinedReturnController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/family-declined')
  @Allow('dinas-sosial')
  recordFamilyDeclinedReturn(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: RecordFamilyDeclinedReturnRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RecordFamilyDeclinedReturnCommand(
        {
          type: 'RecordFamilyDeclinedReturn',
          reunificationId,
          ...(body.reason !== undefined && { reason: body.reason }),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
