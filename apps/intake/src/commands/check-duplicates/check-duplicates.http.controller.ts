import { Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { answered, IntakeWriter } from '../../application/intake-writer';
import { pendingCandidates } from '../../domain/case/case.state';

@Controller('cases')
export class CheckDuplicatesController {
  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  /** Compares the person again with everyone identified by now (identification does it once by itself). */
  @Post(':caseId/duplicate-check')
  @Allow('dinas-sosial')
  async check(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult & { duplicateCandidates: { personId: string; score: number; reasons: string[] }[] }> {
    const written = await this.intake.checkDuplicates(caseId, domainActor(actor), occurredAt(undefined), { actor });
    return {
      ...answered(written),
      duplicateCandidates: pendingCandidates(written.state).map(({ personId, score, reasons }) => ({
        personId,
        score,
        reasons,
      })),
    };
  }
}
