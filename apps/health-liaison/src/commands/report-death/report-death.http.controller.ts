import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/domain-actor';
import { ReportDeathCommand } from './report-death.command';
import { ReportDeathRequest } from './report-death.request.dto';

@Controller('referrals')
export class ReportDeathController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  // Whoever learns it first reports it; no If-Match, as for absconding.
  @Post(':referralId/death')
  @Allow('rsj', 'dinas-sosial')
  report(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: ReportDeathRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ReportDeathCommand(
        {
          type: 'ReportDeath',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          ...(body.place && { place: body.place }),
          ...(body.certificateReference && { certificateReference: body.certificateReference }),
        },
        byRequest(actor),
      ),
    );
  }
}
