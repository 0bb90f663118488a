import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { toGuarantee } from '../../application/payment-guarantee.dto';
import { RecordPaymentGuaranteeCommand } from './record-payment-guarantee.command';
import { RecordPaymentGuaranteeRequest } from './record-payment-guarantee.request.dto';

@Controller('referrals')
export class RecordPaymentGuaranteeController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':referralId/guarantee')
  @Allow('dinas-sosial')
  record(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: RecordPaymentGuaranteeRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new RecordPaymentGuaranteeCommand(
        {
          type: 'RecordPaymentGuarantee',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          guarantee: toGuarantee(body.guarantee),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
