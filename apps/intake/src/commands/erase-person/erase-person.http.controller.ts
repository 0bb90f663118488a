import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow, RequireScopes } from '@lintas/platform/http/agency/agency.guard';
import { ADMIN_SCOPE, type AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { domainActor } from '../../application/domain-actor';
import { ErasePersonCommand } from './erase-person.command';
import { ErasePersonRequest } from './erase-person.request.dto';

@Controller('persons')
export class ErasePersonController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /**
   * Erases a person (UU 27/2022): every service destroys the keys that seal their data and its
   * personal fields read as erased from then on, everywhere; the events, their chains and seals
   * stay and still verify. The person's records linked with them go too. Cannot be undone.
   */
  @Post(':personId/erasure')
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  erase(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() body: ErasePersonRequest,
    @Actor() actor: AgencyActor,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ErasePersonCommand(
        {
          type: 'ErasePerson',
          personId,
          ground: body.ground,
          legalBasis: body.legalBasis,
          actor: domainActor(actor),
          at: new Date().toISOString(),
        },
        byRequest(actor),
      ),
    );
  }
}
