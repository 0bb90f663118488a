import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter, type StreamTransaction } from '@lintas/commands/stream-writer';
import { assertCaseOwnedHere } from '@lintas/commands/case-ownership';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { decideOccupancy } from '../../application/occupancy-decision';
import { occupancyStreams } from '../../domain/occupancy/occupancy.stream';
import { PlacementIndex } from '../../application/placement-index';
import { RequestPlacementCommand } from './request-placement.command';

@CommandHandler(RequestPlacementCommand)
export class RequestPlacementHandler implements ICommandHandler<RequestPlacementCommand> {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(PlacementIndex) private readonly index: PlacementIndex,
  ) {}

  execute({ command, cause }: RequestPlacementCommand): Promise<WriteResult> {
    return this.streams.transaction(async (tx) => {
      if (cause.kind === 'request') assertCaseOwnedHere(await this.owningOffices(tx, command.caseId), cause);
      const result = await decideOccupancy(tx, command, cause);
      await this.index.record(tx.client, command);
      return result;
    });
  }

  /** The offices owning the case's placements here. */
  private async owningOffices(tx: StreamTransaction, caseId: string): Promise<Set<string>> {
    const offices = new Set<string>();
    for (const placementId of await this.index.ofCase(tx.client, caseId)) {
      const placement = (await tx.load(occupancyStreams.placement, placementId)).state.placement;
      if ('officeId' in placement) offices.add(placement.officeId);
    }
    return offices;
  }
}
