import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byEvent } from '@lintas/commands/write-cause';
import { CaseTransferDeclinedV1 } from '@lintas/contracts/intake/intake.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { RecordTransferDeclinedCommand } from '../../commands/record-transfer-declined/record-transfer-declined.command';

/** The office of the region of origin refused the case: a person sent there comes back to the sender. */
@ReactsTo(CaseTransferDeclinedV1)
export class OnCaseTransferDeclined implements Reaction<CaseTransferDeclinedV1> {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: Received<CaseTransferDeclinedV1>): Promise<void> {
    const { caseId, toOfficeId } = event.data;
    await this.commands.execute(
      new RecordTransferDeclinedCommand(
        caseId,
        {
          type: 'RecordTransferDeclined',
          toOfficeId,
          // The declining office's refusal; no rule of the decline reads its region.
          actor: { agencyId: toOfficeId, kind: 'dinas-sosial', regionCode: '' },
          at: event.time,
        },
        byEvent(event),
      ),
    );
  }
}
