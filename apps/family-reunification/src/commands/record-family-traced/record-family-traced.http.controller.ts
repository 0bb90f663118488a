import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor, writeContext } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { ReunificationWriter } from '../../application/reunification-writer';

import { RecordFamilyTracedRequest } from './record-family-traced.request.dto';

/** The family is found: who they are to the person, how to reach them, where they live, how it was confirmed. */
@Controller('reunifications')
export class RecordFamilyTracedController {
  constructor(@Inject(ReunificationWriter) private readonly writer: ReunificationWriter) {}

  @Post(':reunificationId/family-traced')
  @Allow('dinas-sosial')
  recordFamilyTraced(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: RecordFamilyTracedRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.writer.execute(
      {
        type: 'RecordFamilyTraced',
        reunificationId,
        relation: body.relation,
        ...(body.name !== undefined && { familyMemberName: body.name }),
        contact: body.contact,
        regionCode: body.regionCode,
        verifiedBy: body.verifiedBy,
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
      },
      writeContext(actor, ifMatch),
    );
  }
}
