import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { TracingMatchConfirmedV1 } from '@lintas/contracts/intake/intake.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { StartFamilyTracingCommand } from '../../commands/start-family-tracing/start-family-tracing.command';

/**
 * A family's tracing request was matched with this person and a social worker confirmed it: the
 * office holding the case verifies the family and arranges the return. The lead names the request
 * and its office, where the family's contact is read (with access recorded), not carried here.
 */
@ReactsTo(TracingMatchConfirmedV1)
export class OnTracingMatchConfirmed implements Reaction<TracingMatchConfirmedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<TracingMatchConfirmedV1>): Promise<void> {
    const { caseId, personId, caseOfficeId, tracingRequestId, requestOfficeId, familyRegionCode } = event.data;
    await this.commands.execute(
      new StartFamilyTracingCommand(
        {
          caseId,
          personId,
          officeId: caseOfficeId,
          startedFrom: 'tracing-match',
          leads: [`tracing request ${tracingRequestId} (${requestOfficeId}, region ${familyRegionCode})`],
        },
        event,
      ),
    );
  }
}
