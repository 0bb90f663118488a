import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { AdmitPatientCommand } from './admit-patient.command';
import { AdmitPatientRequest } from './admit-patient.request.dto';

@Controller('referrals')
export class AdmitPatientController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':referralId/admission')
  @Allow('rsj')
  admit(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Body() body: AdmitPatientRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new AdmitPatientCommand(
        {
          type: 'AdmitPatient',
          referralId,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          ward: body.ward,
          hospitalRecordNumber: body.hospitalRecordNumber,
        },
        byRequest(actor, ifMatch),
      ),
    );
  }
}
