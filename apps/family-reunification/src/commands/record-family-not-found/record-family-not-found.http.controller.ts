import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { RecordFamilyNotFoundCommand } from './record-family-not-found.command';
import { RecordFamilyNotFoundRequest } from './record-family-not-found.request.dto';

/** Tracing ended without a family: what was tried. */
@Controller('reunifications')
export class RecordFamilyNotFoundController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/family-not-found')
  @Allow('dinas-sosial')
  recordFamilyNotFound(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: RecordFamilyNotFoundRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RecordFamilyNotFoundCommand(
        {
          type: 'RecordFamilyNotFound',
          reunificationId,
          efforts: body.efforts,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
