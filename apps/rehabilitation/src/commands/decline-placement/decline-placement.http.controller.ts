import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { DeclinePlacementCommand } from './decline-placement.command';
import { DeclinePlacementRequest } from './decline-placement.request.dto';

@Controller('placements')
export class DeclinePlacementController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':placementId/decline')
  @Allow('panti')
  decline(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: DeclinePlacementRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new DeclinePlacementCommand(
        {
          type: 'DeclinePlacement',
          placementId,
          reason: body.reason,
          note: body.note ?? null,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
