import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { ReportRelapseCommand } from './report-relapse.command';
import { ReportRelapseRequest } from './report-relapse.request.dto';

/** The family tells the office the person is relapsing (kambuh). */
@Controller('reunifications')
export class ReportRelapseController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/relapse')
  @Allow('dinas-sosial')
  reportRelapse(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: ReportRelapseRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ReportRelapseCommand(
        {
          type: 'ReportRelapse',
          reunificationId,
          signs: body.signs,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
