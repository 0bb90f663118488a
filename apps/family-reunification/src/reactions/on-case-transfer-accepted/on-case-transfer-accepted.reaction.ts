import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byEvent } from '@lintas/commands/write-cause';
import { CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { MoveCaseOwnershipCommand } from '../../commands/move-case-ownership/move-case-ownership.command';

/** Another office accepted the case in intake: it owns the case's reunifications from now on. */
@ReactsTo(CaseTransferAcceptedV1)
export class OnCaseTransferAccepted implements Reaction<CaseTransferAcceptedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<CaseTransferAcceptedV1>): Promise<void> {
    const { caseId, toOfficeId } = event.data;
    await this.commands.execute(
      new MoveCaseOwnershipCommand(
        caseId,
        {
          type: 'MoveCaseOwnership',
          toOfficeId,
          // The receiving office accepted; no rule of the move reads its region.
          actor: { agencyId: toOfficeId, kind: 'dinas-sosial', regionCode: '' },
          at: event.time,
        },
        byEvent(event),
      ),
    );
  }
}
