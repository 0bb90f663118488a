import { writeResult, type StreamTransaction } from '@lintas/commands/stream-writer';
import type { WriteCause } from '@lintas/commands/write-cause';
import { START } from '@lintas/event-store/position';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { OccupancyCommand } from '../domain/occupancy/occupancy.commands';
import { occupancyDecider } from '../domain/occupancy/occupancy.decider';
import { occupancyStreams } from '../domain/occupancy/occupancy.stream';
import { isPantiEvent } from '../domain/panti/panti.events';

/**
 * Decides on a placement and its panti's bed book together, in the caller's transaction. Both
 * streams are locked in one call before either is read, so that concurrent decisions about one
 * panti's beds queue up instead of failing on the version check: a busy panti admits in turn.
 * If-Match names the placement's version, the one its caller read. Placement events carry the
 * person; the bed book's carry the same journey and no person.
 */
export async function decideOccupancy(
  tx: StreamTransaction,
  command: OccupancyCommand,
  cause: WriteCause,
): Promise<WriteResult> {
  const { placement: placementKind, panti: pantiKind } = occupancyStreams;
  const placementStreamId = placementKind.streamId(command.placementId);
  // A placement never changes panti, so a read before the locks names the right bed book.
  const pantiId = command.type === 'RequestPlacement' ? command.pantiId : await pantiOf(tx, command.placementId);
  await tx.lock(placementStreamId, ...(pantiId === undefined ? [] : [pantiKind.streamId(pantiId)]));

  const placement = await tx.load(placementKind, command.placementId);
  const panti = pantiId === undefined ? undefined : await tx.load(pantiKind, pantiId);
  tx.checkExpectedVersion(cause, placement.streamId, placement.version);
  const events = occupancyDecider.decide(command, {
    placement: placement.state.placement,
    panti: panti?.state.panti ?? occupancyDecider.initialState.panti,
  });

  const metadata = tx.metadata(placementKind, placement.first, command, cause);
  const forPlacement = events.filter((event) => !isPantiEvent(event));
  const forPanti = events.filter(isPantiEvent);
  const placed =
    forPlacement.length > 0
      ? await tx.append(placement.streamId, forPlacement, metadata, placement.version)
      : undefined;
  const booked =
    forPanti.length > 0 && panti
      ? await tx.append(
          panti.streamId,
          forPanti,
          tx.metadata(pantiKind, placement.first, command, cause, { correlationId: metadata.correlationId }),
          panti.version,
        )
      : undefined;
  return writeResult({
    id: command.placementId,
    version: placed?.nextExpectedVersion ?? placement.version,
    position: (booked ?? placed)?.position ?? placement.history.at(-1)?.position ?? START,
  });
}

async function pantiOf(tx: StreamTransaction, placementId: string): Promise<string | undefined> {
  const { placement } = (await tx.load(occupancyStreams.placement, placementId)).state;
  return placement.status === 'none' ? undefined : placement.pantiId;
}
