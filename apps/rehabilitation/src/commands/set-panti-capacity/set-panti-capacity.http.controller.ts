import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { SetPantiCapacityCommand } from './set-panti-capacity.command';
import { SetPantiCapacityRequest } from './set-panti-capacity.request.dto';

@Controller('pantis')
export class SetPantiCapacityController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** Beds free at once go to the first who wait. */
  @Post(':pantiId/capacity')
  @Allow('panti', 'admin')
  setCapacity(
    @Param('pantiId') pantiId: string,
    @Body() body: SetPantiCapacityRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new SetPantiCapacityCommand(
        {
          type: 'SetPantiCapacity',
          pantiId,
          beds: body.beds,
          waitlistLimit: body.waitlistLimit ?? null,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
