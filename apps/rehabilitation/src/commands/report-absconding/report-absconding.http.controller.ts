import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { RehabilitationWriter } from '../../application/rehabilitation-writer';
import { ReportAbscondingRequest } from './report-absconding.request.dto';

@Controller('placements')
export class ReportAbscondingController {
  constructor(@Inject(RehabilitationWriter) private readonly writer: RehabilitationWriter) {}

  /** The bed stays held until the resident is brought back or the panti terminates (absconded). */
  @Post(':placementId/abscond')
  @Allow('panti', 'dinas-sosial', 'dinas-sosial-provinsi')
  abscond(
    @Param('placementId', new ParseUUIDPipe()) placementId: string,
    @Body() body: ReportAbscondingRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'ReportAbsconding',
        placementId,
        lastSeen: body.lastSeen ?? null,
        actor: domainActor(actor),
        at: occurredAt(body.lastSeenAt ?? body.occurredAt),
      },
      { actor, expectedVersion: ifMatch },
    );
  }
}
