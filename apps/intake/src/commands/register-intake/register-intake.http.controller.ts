import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import { deterministicUuid, NewId } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { toDescriptors } from '../../application/identity.dto';
import { RegisterIntakeCommand } from './register-intake.command';
import { RegisterIntakeRequest } from './register-intake.request.dto';
import { RegisterIntakeResponse } from './register-intake.response.dto';

@Controller('cases')
export class RegisterIntakeController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /**
   * The calling office opens a case and becomes its owner. One pickup makes one case: its id comes
   * from the pickup's, so a second registration of the same person is refused, not duplicated.
   */
  @Post()
  @ApiCreatedResponse({
    type: RegisterIntakeResponse,
    description: 'Registered: the new version, the position the write produced, the case number and the person.',
  })
  @Allow('dinas-sosial')
  register(
    @Body() body: RegisterIntakeRequest,
    @Actor() actor: AgencyActor,
    @NewId('case') newCaseId: string,
  ): Promise<RegisterIntakeResponse> {
    return this.commands.execute(
      new RegisterIntakeCommand(
        {
          type: 'RegisterIntake',
          caseId: body.pickupId ? deterministicUuid(`case:${body.pickupId}`) : newCaseId,
          ...(body.personId && { personId: body.personId }),
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
          categories: body.categories,
          ...(body.pickupId && { pickupId: body.pickupId }),
          ...(body.descriptors && { descriptors: toDescriptors(body.descriptors) }),
        },
        byRequest(actor),
      ),
    );
  }
}
