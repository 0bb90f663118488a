import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { ReportAbscondingCommand } from './report-absconding.command';
import { ReportAbscondingRequest } from './report-absconding.request.dto';

@Controller('placements')
export class ReportAbscondingController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The bed stays held until the resident is brought back or the panti terminates (absconded). */
  @Post(':placementId/abscond')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  abscond(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: ReportAbscondingRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ReportAbscondingCommand(
        {
          type: 'ReportAbsconding',
          placementId,
          lastSeen: body.lastSeen ?? null,
          actor: domainActor(actor),
          at: occurredAt(body.lastSeenAt ?? body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
