import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { RecordAtensiServiceCommand } from './record-atensi-service.command';
import { RecordAtensiServiceRequest } from './record-atensi-service.request.dto';

@Controller('placements')
export class RecordAtensiServiceController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':placementId/services')
  @Allow('panti')
  record(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: RecordAtensiServiceRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const at = occurredAt(body.occurredAt);
    return this.commands.execute(
      new RecordAtensiServiceCommand(
        {
          type: 'RecordAtensiService',
          placementId,
          serviceType: body.type,
          subtype: body.subtype ?? null,
          deliveredOn: body.date ?? at.slice(0, 10),
          deliveredBy: body.deliveredBy ?? actor.userId ?? actor.clientId,
          durationMinutes: body.durationMinutes ?? null,
          notes: body.notes ?? null,
          actor: domainActor(actor),
          at,
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
