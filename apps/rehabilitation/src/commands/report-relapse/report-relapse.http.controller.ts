import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { ReportRelapseCommand } from './report-relapse.command';
import { ReportRelapseRequest } from './report-relapse.request.dto';

@Controller('placements')
export class ReportRelapseController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The resident goes to the RSJ and keeps the bed: they come back to this placement. */
  @Post(':placementId/relapse')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  report(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: ReportRelapseRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ReportRelapseCommand(
        {
          type: 'ReportRelapse',
          placementId,
          rsjId: body.rsjId,
          reportedBy: body.reportedBy ?? (actor.kind === 'panti' ? 'panti' : 'family'),
          signsObserved: body.signs ?? null,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
