import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Pool } from 'pg';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { EventStore } from '@lintas/event-store/event-store';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { requireOwningOffice } from '../../domain/tracing-request/tracing-request.guards';
import { tracingRequestStream } from '../../domain/tracing-request/tracing-request.stream';
import { ConfirmTracingMatchCommand } from './confirm-tracing-match.command';

@CommandHandler(ConfirmTracingMatchCommand)
export class ConfirmTracingMatchHandler implements ICommandHandler<ConfirmTracingMatchCommand> {
  private readonly schema: string;

  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  /**
   * The return runs on the candidate's case, in the office that owns it now: a person found but
   * not yet taken in by an office has nobody to run it, so the confirmation waits for the intake.
   */
  async execute({ command, cause }: ConfirmTracingMatchCommand): Promise<WriteResult> {
    // Only the owning office learns whether the candidate has a case: checked before looking.
    const { state } = await this.streams.load(tracingRequestStream, command.tracingRequestId);
    requireOwningOffice(state, command.actor);
    const { rows } = await this.pool.query<{ case_id: string; office_id: string }>(
      `SELECT case_id::text, office_id FROM ${this.schema}.caseload
        WHERE person_id = $1 AND status <> 'closed' ORDER BY registered_at DESC LIMIT 1`,
      [command.candidatePersonId],
    );
    const found = rows[0];
    if (!found) {
      throw new DomainError(
        'tracing-request.candidate-without-case',
        'the person found has no open case yet: the office that took them in registers the intake first',
      );
    }
    return this.streams.write(
      tracingRequestStream,
      command.tracingRequestId,
      { ...command, candidateCase: { caseId: found.case_id, officeId: found.office_id } },
      cause,
    );
  }
}
