import { Body, Controller, Inject, Post } from '@nestjs/common';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { deterministicUuid, NewId } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/command-context';
import { occurredAt } from '@lintas/platform/http/field-time';
import { toDescriptors } from '../../application/identity.dto';
import { IntakeWriter } from '../../application/intake-writer';

import { RegisterIntakeRequest } from './register-intake.request.dto';

@Controller('cases')
export class RegisterIntakeController {
  constructor(@Inject(IntakeWriter) private readonly intake: IntakeWriter) {}

  /**
   * The calling office opens a case and becomes its owner. One pickup makes one case: its id comes
   * from the pickup's, so a second registration of the same person is refused, not duplicated.
   */
  @Post()
  @Allow('dinas-sosial')
  async register(
    @Body() body: RegisterIntakeRequest,
    @Actor() actor: AgencyActor,
    @NewId('case') newCaseId: string,
  ): Promise<WriteResult & { caseNumber: string; personId: string }> {
    const caseId = body.pickupId ? deterministicUuid(`case:${body.pickupId}`) : newCaseId;
    const written = await this.intake.registerIntake(
      {
        type: 'RegisterIntake',
        caseId,
        ...(body.personId && { personId: body.personId }),
        actor: domainActor(actor),
        at: occurredAt(body.occurredAt),
        categories: body.categories,
        ...(body.pickupId && { pickupId: body.pickupId }),
        ...(body.descriptors && { descriptors: toDescriptors(body.descriptors) }),
      },
      { actor },
    );
    const { state, events: _events, ...result } = written;
    return {
      ...result,
      caseNumber: state.status === 'none' ? '' : state.caseNumber,
      personId: state.status === 'none' ? '' : state.personId,
    };
  }
}
