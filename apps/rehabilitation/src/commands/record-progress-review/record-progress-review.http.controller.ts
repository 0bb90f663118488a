import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { CURRENT_FUNCTIONING_VERSION } from '../../domain/atensi/functioning-domains';
import { domainActor } from '../../application/actors';
import { RecordProgressReviewCommand } from './record-progress-review.command';
import { RecordProgressReviewRequest } from './record-progress-review.request.dto';

@Controller('placements')
export class RecordProgressReviewController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':placementId/reviews')
  @Allow('panti')
  review(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: RecordProgressReviewRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const at = occurredAt(body.occurredAt);
    return this.commands.execute(
      new RecordProgressReviewCommand(
        {
          type: 'RecordProgressReview',
          placementId,
          instrumentVersion: body.instrumentVersion ?? CURRENT_FUNCTIONING_VERSION,
          reviewedOn: body.reviewedOn ?? at.slice(0, 10),
          reviewedBy: body.reviewedBy ?? actor.userId ?? actor.clientId,
          scores: Object.entries(body.scores).map(([domain, score]) => ({ domain, score })),
          summary: body.summary ?? null,
          nextReviewOn: body.nextReviewAt?.slice(0, 10) ?? null,
          actor: domainActor(actor),
          at,
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
