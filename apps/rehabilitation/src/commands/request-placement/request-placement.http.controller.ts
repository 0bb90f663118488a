import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { NewId } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/actors';
import { RequestPlacementCommand } from './request-placement.command';
import { RequestPlacementRequest } from './request-placement.request.dto';

/**
 * Most placements arrive by reaction (an assessment, a discharge, a long-term arrangement); an
 * office asks directly when it moves a resident to another panti or asks again after a decline.
 */
@Controller('placements')
export class RequestPlacementController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @Allow('dinas-sosial', 'dinas-sosial-provinsi')
  request(
    @Body() body: RequestPlacementRequest,
    @Actor() actor: AgencyActor,
    @NewId('placement') placementId: string,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RequestPlacementCommand(
        {
          type: 'RequestPlacement',
          placementId,
          caseId: body.caseId,
          personId: body.personId,
          pantiId: body.pantiId,
          kind: body.kind,
          cluster: body.cluster ?? null,
          reason: body.reason ?? null,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor),
      ),
    );
  }
}
