import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/domain-actor';
import { occurredAt } from '@lintas/platform/http/field-time';
import { RecordAbscondingCommand } from './record-absconding.command';
import { RecordAbscondingRequest } from './record-absconding.request.dto';

@Controller('cases')
export class RecordAbscondingController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The person left the office's shelter; escapes from an RSJ or panti arrive from those services. */
  @Post(':caseId/absconding')
  @Allow('dinas-sosial')
  record(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: RecordAbscondingRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult> {
    const at = occurredAt(body.occurredAt);
    return this.commands.execute(
      new RecordAbscondingCommand(
        {
          type: 'RecordAbsconding',
          caseId,
          actor: domainActor(actor),
          at,
          abscondedAt: body.lastSeenAt ? occurredAt(body.lastSeenAt) : at,
          from: 'shelter',
          reportedBy: actor.agencyId,
        },
        byRequest(actor),
      ),
    );
  }
}
