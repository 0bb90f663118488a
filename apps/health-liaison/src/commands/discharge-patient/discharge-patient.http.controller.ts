import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { DischargePatientCommand } from './discharge-patient.command';
import { DischargePatientRequest } from './discharge-patient.request.dto';

@Controller('referrals')
export class DischargePatientController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':referralId/discharge')
  @Allow('rsj')
  discharge(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: DischargePatientRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new DischargePatientCommand(
        {
          type: 'DischargePatient',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          dischargeType: body.dischargeType,
          recommendation: body.recommendation,
          medicationPlan: body.medicationPlan,
          ...(body.pantiId && { pantiId: body.pantiId }),
          ...(body.summary && { summary: body.summary }),
          ...(body.nextControlDate && { nextControlDate: body.nextControlDate }),
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
