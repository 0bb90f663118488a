import { Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { RecordsRead } from '@lintas/platform/http/access/read-shape';
import { byRequest } from '@lintas/commands/write-cause';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { occurredAt } from '@lintas/platform/http/field-time';
import { domainActor } from '../../application/domain-actor';
import { FindDuplicateCandidatesCommand } from './find-duplicate-candidates.command';
import { DuplicateCheckResponse } from './find-duplicate-candidates.response.dto';

@Controller('cases')
export class FindDuplicateCandidatesController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /** Compares the person again with everyone identified by now (identification does it once by itself). */
  @Post(':caseId/duplicate-check')
  // The answer names earlier persons who may be this one: a read of them, recorded.
  @RecordsRead()
  @ApiCreatedResponse({
    type: DuplicateCheckResponse,
    description:
      'Checked: the new version, the position the write produced and the proposals still waiting for a decision.',
  })
  @Allow('dinas-sosial')
  check(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Actor() actor: AgencyActor,
  ): Promise<DuplicateCheckResponse> {
    return this.commands.execute(
      new FindDuplicateCandidatesCommand(
        { type: 'FindDuplicateCandidates', caseId, actor: domainActor(actor), at: occurredAt(undefined) },
        byRequest(actor),
      ),
    );
  }
}
