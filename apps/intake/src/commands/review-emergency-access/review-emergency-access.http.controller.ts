import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/domain-actor';
import { ReviewEmergencyAccessCommand } from './review-emergency-access.command';
import { ReviewEmergencyAccessRequest } from './review-emergency-access.request.dto';

@Controller('emergency-accesses')
export class ReviewEmergencyAccessController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** An office owning the person's cases (or an admin) judges an emergency access, once. */
  @Post(':accessId/review')
  @Allow('dinas-sosial', 'admin')
  review(
    @Param('accessId', new ParseUUIDPipe()) accessId: string,
    @Body() body: ReviewEmergencyAccessRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ReviewEmergencyAccessCommand(
        {
          type: 'ReviewEmergencyAccess',
          accessId,
          verdict: body.verdict,
          note: body.note ?? null,
          actor: domainActor(actor),
          at: new Date().toISOString(),
        },
        byRequest(actor),
      ),
    );
  }
}
