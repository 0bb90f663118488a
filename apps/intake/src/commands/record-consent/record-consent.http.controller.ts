import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { occurredAt } from '@lintas/platform/http/field-time';
import { RecordConsentCommand } from './record-consent.command';
import { basisOf, RecordConsentRequest } from './record-consent.request.dto';

@Controller('cases')
export class RecordConsentController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** The lawful basis of processing the person's data, for a purpose (UU PDP Pasal 20). */
  @Post(':caseId/consent')
  @Allow('dinas-sosial')
  record(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: RecordConsentRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RecordConsentCommand(
        {
          type: 'RecordConsent',
          caseId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          purpose: body.purpose,
          basis: basisOf(body),
          ...(body.capacityNote !== undefined && { capacityNote: body.capacityNote }),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
