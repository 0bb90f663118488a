import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { TerminateRehabilitationCommand } from './terminate-rehabilitation.command';
import { TerminateRehabilitationRequest } from './terminate-rehabilitation.request.dto';

@Controller('placements')
export class TerminateRehabilitationController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** Frees the bed; the first who waits gets it held for admission. */
  @Post(':placementId/terminate')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  terminate(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: TerminateRehabilitationRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new TerminateRehabilitationCommand(
        {
          type: 'TerminateRehabilitation',
          placementId,
          reason: body.reason,
          recommendations: body.recommendations ?? null,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
