import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { answered, IntakeWriter } from '../../application/intake-writer';
import { pendingCandidates } from '../../domain/case/case.state';

import { confidenceOf, IdentifyPersonRequest } from './identify-person.request.dto';

export interface IdentificationAnswer extends WriteResult {
  /** What looks wrong in the NIK (and KK): for the worker to look at, never a refusal. */
  nikFlags: string[];
  /** Earlier persons who may be this one, best first: link one, or reject it. */
  duplicateCandidates: { personId: string; score: number; reasons: string[] }[];
}

@Controller('cases')
export class IdentifyPersonController {
  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  @Post(':caseId/identification')
  @Allow('dinas-sosial')
  async identify(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: IdentifyPersonRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<IdentificationAnswer> {
    const { occurredAt: given, confidence: _confidence, ...identity } = body;
    const written = await this.intake.identify(
      {
        type: 'IdentifyPerson',
        caseId,
        actor: domainActor(actor),
        at: occurredAt(given),
        identity: { ...definedOnly(identity), confidence: confidenceOf(body) },
      },
      { actor, expectedVersion: ifMatch },
    );
    const identified = written.events.find((e) => e.type === 'PersonIdentified');
    return {
      ...answered(written),
      nikFlags: identified?.type === 'PersonIdentified' ? identified.data.flags : [],
      duplicateCandidates: pendingCandidates(written.state).map(({ personId, score, reasons }) => ({
        personId,
        score,
        reasons,
      })),
    };
  }
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
