import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { TracingRequestCommand } from '../domain/tracing-request/tracing-request.commands';
import { tracingRequestStream } from '../domain/tracing-request/tracing-request.stream';

/**
 * A write to one tracing request that needs nothing but the request's own stream: the decider
 * holds every rule, so these use cases share one handler (confirmation, which needs the
 * candidate's case, has its own).
 */
export class TracingRequestWriteCommand extends Command<WriteResult> {
  constructor(
    readonly command: Exclude<TracingRequestCommand, { type: 'ConfirmMatch' }>,
    readonly cause: WriteCause,
  ) {
    super();
  }
}

@CommandHandler(TracingRequestWriteCommand)
export class TracingRequestWriteHandler implements ICommandHandler<TracingRequestWriteCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: TracingRequestWriteCommand): Promise<WriteResult> {
    return this.streams.write(tracingRequestStream, command.tracingRequestId, command, cause, {
      ...(command.type === 'RegisterTracingRequest' && { personId: command.personId }),
    });
  }
}
