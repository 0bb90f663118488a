import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { answered, IntakeWriter } from '../../application/intake-writer';

import { LinkPersonsRequest } from './link-persons.request.dto';

@Controller('cases')
export class LinkPersonsController {
  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  /** This case's person is the survivor's: every service reads their journeys as one. */
  @Post(':caseId/link')
  @Allow('dinas-sosial')
  async link(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: LinkPersonsRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const written = await this.intake.case(
      {
        type: 'LinkPersons',
        caseId,
        survivorPersonId: body.survivorPersonId,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      { actor, expectedVersion: ifMatch },
    );
    return answered(written);
  }
}
