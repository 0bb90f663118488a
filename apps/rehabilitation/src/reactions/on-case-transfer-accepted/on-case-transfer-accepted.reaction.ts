import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PoolClient } from 'pg';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { byEvent } from '@lintas/commands/write-cause';
import { CaseTransferAcceptedV1 } from '@lintas/contracts/intake/intake.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { officeActor } from '../../application/actors';
import { PlacementIndex } from '../../application/placement-index';
import { TransferPlacementOwnershipCommand } from '../../commands/transfer-placement-ownership/transfer-placement-ownership.command';
import { holdsBed, isPending } from '../../domain/placement/placement.state';
import { placementStream } from '../../domain/placement/placement.stream';

/** The case moved to the office of the region of origin: its open placements follow it; ended ones stay. */
@ReactsTo(CaseTransferAcceptedV1)
export class OnCaseTransferAccepted implements Reaction<CaseTransferAcceptedV1> {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(PlacementIndex) private readonly index: PlacementIndex,
  ) {}

  async handle(event: Received<CaseTransferAcceptedV1>, transaction: PoolClient): Promise<void> {
    const { caseId, toOfficeId } = event.data;
    for (const placementId of await this.index.ofCase(transaction, caseId)) {
      const { state } = await this.streams.load(placementStream, placementId);
      if (!isPending(state) && !holdsBed(state)) continue;
      await this.commands.execute(
        new TransferPlacementOwnershipCommand(
          {
            type: 'TransferPlacementOwnership',
            placementId,
            toOfficeId,
            actor: officeActor(toOfficeId),
            at: event.time,
          },
          byEvent(event),
        ),
      );
    }
  }
}
