import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/domain-actor';
import { ReportAbscondingCommand } from './report-absconding.command';
import { ReportAbscondingRequest } from './report-absconding.request.dto';

@Controller('referrals')
export class ReportAbscondingController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  // An alarm, not an edit: it takes no If-Match, so that a stale page never delays it.
  @Post(':referralId/absconding')
  @Allow('rsj')
  report(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: ReportAbscondingRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ReportAbscondingCommand(
        {
          type: 'ReportAbsconding',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          ...(body.lastSeen && { lastSeen: body.lastSeen }),
        },
        byRequest(actor),
      ),
    );
  }
}
