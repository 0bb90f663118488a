import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { RecordFamilyTracedCommand } from './record-family-traced.command';
import { RecordFamilyTracedRequest } from './record-family-traced.request.dto';

/** The family is found: who they are to the person, how to reach them, where they live, how it was confirmed. */
@Controller('reunifications')
export class RecordFamilyTracedController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':reunificationId/family-traced')
  @Allow('dinas-sosial')
  recordFamilyTraced(
    @Param('reunificationId', new ParseUUIDPipe()) reunificationId: string,
    @Body() body: RecordFamilyTracedRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RecordFamilyTracedCommand(
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
        byRequest(actor, ifMatch),
      ),
    );
  }
}
