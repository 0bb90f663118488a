import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { ArrangeLongTermPlacementCommand } from './arrange-long-term-placement.command';
import { ArrangeLongTermPlacementRequest } from './arrange-long-term-placement.request.dto';

/** No family can take the person: a long-term place in a panti (rehabilitation receives the request). */
@Controller('reunifications')
export class ArrangeLongTermPlacementController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/long-term-placement')
  @Allow('dinas-sosial')
  arrangeLongTermPlacement(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: ArrangeLongTermPlacementRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ArrangeLongTermPlacementCommand(
        {
          type: 'ArrangeLongTermPlacement',
          reunificationId,
          pantiId: body.pantiId,
          reason: body.reason,
          ...(body.reviewOn !== undefined && { reviewOn: body.reviewOn }),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
