import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { CURRENT_ATENSI_VERSION } from '../../domain/atensi/atensi-service-types';
import { defaultReviewDates } from '../../domain/atensi/review-policy';
import type { PlannedService } from '../../domain/placement/placement.events';
import { domainActor } from '../../application/actors';
import { AgreeAtensiPlanCommand } from './agree-atensi-plan.command';
import { AgreeAtensiPlanRequest } from './agree-atensi-plan.request.dto';

@Controller('placements')
export class AgreeAtensiPlanController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** A second plan revises the first. */
  @Post(':placementId/atensi-plan')
  @Allow('panti')
  agree(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: AgreeAtensiPlanRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const at = occurredAt(body.occurredAt);
    return this.commands.execute(
      new AgreeAtensiPlanCommand(
        {
          type: 'AgreeAtensiPlan',
          placementId,
          catalogueVersion: body.catalogueVersion ?? CURRENT_ATENSI_VERSION,
          goals: body.goals,
          plannedServices: body.services.map(plannedService),
          setting: body.setting,
          familyInvolved: body.familyInvolved ?? false,
          familyInvolvementNote: body.familyInvolvementNote ?? null,
          reviewDates: body.reviewDates ?? defaultReviewDates(at),
          actor: domainActor(actor),
          at,
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}

function plannedService(code: string): PlannedService {
  const [serviceType = code, subtype] = code.split('/');
  return { serviceType, subtype: subtype ?? null };
}
