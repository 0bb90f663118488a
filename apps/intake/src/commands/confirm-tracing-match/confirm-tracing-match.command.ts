import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ConfirmMatch } from '../../domain/tracing-request/tracing-request.commands';

/** A confirmation as the social worker gives it: the handler finds the candidate's case. */
export class ConfirmTracingMatchCommand extends Command<WriteResult> {
  constructor(
    readonly command: Omit<ConfirmMatch, 'candidateCase'>,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
