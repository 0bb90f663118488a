import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { AppendResult } from '@lintas/event-store/append/prepared-append';
import { handleCommand } from '@lintas/event-store/decider';
import { ConcurrencyError } from '@lintas/event-store/errors';
import { EventStore } from '@lintas/event-store/event-store';
import type { EventMetadata, RecordedEvent } from '@lintas/event-store/events/event-types';
import { formatPosition } from '@lintas/event-store/position';
import { PermanentError } from '@lintas/messaging/inbox/permanent-error';
import { reactionMetadata, type Received } from '@lintas/messaging/reactions/reaction';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { OccupancyCommand } from '../domain/occupancy/occupancy.commands';
import { occupancyDecider, type OccupancyEvent } from '../domain/occupancy/occupancy.decider';
import type { SetPantiCapacity } from '../domain/panti/panti.commands';
import { pantiDecider } from '../domain/panti/panti.decider';
import { isPantiEvent } from '../domain/panti/panti.events';
import type { PlacementCommand } from '../domain/placement/placement.commands';
import { placementDecider } from '../domain/placement/placement.decider';
import type { PlacementEvent } from '../domain/placement/placement.events';
import type { PlacementState } from '../domain/placement/placement.state';
import type { WriteContext } from './command-context';
import { PlacementIndex } from './placement-index';
import { pantiStreamId, placementStreamId } from './streams';
import { eventActor } from '@lintas/event-store/nest/event-actor';

export const SERVICE_NAME = 'rehabilitation';

type Metadata = Omit<EventMetadata, 'recordedAt'>;
/** The metadata of a write, given the placement's first event (absent for a new placement). */
type MetadataFor = (first: RecordedEvent | undefined) => Metadata;

const OCCUPANCY_COMMANDS: ReadonlySet<string> = new Set<OccupancyCommand['type']>([
  'RequestPlacement',
  'AdmitResident',
  'DeclinePlacement',
  'WithdrawPlacementRequest',
  'TerminateRehabilitation',
]);

function isOccupancyCommand(command: OccupancyCommand | PlacementCommand): command is OccupancyCommand {
  return OCCUPANCY_COMMANDS.has(command.type);
}

/**
 * Load, decide, append for the rehabilitation streams. Placement events carry the person in their
 * metadata (their key for personal data, the Kafka key, their journey) and the journey's
 * correlation id from the placement's first event; the panti's bed book names no person.
 */
@Injectable()
export class RehabilitationWriter {
  readonly index: PlacementIndex;

  constructor(@Inject(EventStore) private readonly store: EventStore) {
    this.index = new PlacementIndex(store.schema);
  }

  /** A placement as it stands now, for a reaction choosing what to do with it. */
  async stateOf(placementId: string, within: PoolClient): Promise<PlacementState> {
    const history = await this.read(placementStreamId(placementId), within);
    return history.reduce(
      (state, event) => placementDecider.evolve(state, { type: event.type, data: event.data } as PlacementEvent),
      placementDecider.initialState,
    );
  }

  async execute(command: OccupancyCommand | PlacementCommand, context: WriteContext): Promise<WriteResult> {
    const metadata = httpMetadata(command, context);
    if (isOccupancyCommand(command)) {
      return this.store.transaction((within) => this.occupancy(command, within, metadata, context.expectedVersion));
    }
    return this.placement(command, metadata, context.expectedVersion);
  }

  async setCapacity(command: SetPantiCapacity, context: WriteContext): Promise<WriteResult> {
    const result = await handleCommand(this.store, pantiStreamId(command.pantiId), pantiDecider, command, {
      metadata: withoutPerson(httpMetadata(command, context)(undefined)),
      ...(context.expectedVersion !== undefined && { expectedVersion: context.expectedVersion }),
    });
    return { id: command.pantiId, version: result.nextExpectedVersion, position: formatPosition(result.position) };
  }

  /**
   * A command caused by another service's event, inside the inbox's transaction. A rule that
   * refuses it will refuse it on every retry, so it goes to the dead letters with its code.
   */
  async react(
    command: OccupancyCommand | PlacementCommand,
    event: Received<unknown>,
    within: PoolClient,
  ): Promise<void> {
    const metadata: MetadataFor = (first) =>
      reactionMetadata(event, SERVICE_NAME, first?.metadata.personId ?? personOf(command) ?? event.personId);
    try {
      if (isOccupancyCommand(command)) await this.occupancy(command, within, metadata);
      else await this.placement(command, metadata, undefined, within);
    } catch (error) {
      if (error instanceof DomainError) throw new PermanentError(`${command.type} refused: ${error.code}`);
      throw error;
    }
  }

  /**
   * The placement and its panti's bed book in one transaction. Both streams are locked first, in
   * the order the store locks stream heads, so that concurrent decisions about one panti's beds
   * queue up instead of failing on the version check: a busy panti admits in turn.
   */
  private async occupancy(
    command: OccupancyCommand,
    within: PoolClient,
    metadataFor: MetadataFor,
    expectedVersion?: number,
  ): Promise<WriteResult> {
    const placementStream = placementStreamId(command.placementId);
    const pantiId =
      command.type === 'RequestPlacement' ? command.pantiId : pantiOf(await this.read(placementStream, within));
    const pantiStream = pantiId === undefined ? undefined : pantiStreamId(pantiId);
    await lockStreams(within, pantiStream ? [placementStream, pantiStream] : [placementStream]);

    const placementHistory = await this.read(placementStream, within);
    const pantiHistory = pantiStream ? await this.read(pantiStream, within) : [];
    const placementVersion = placementHistory.at(-1)?.streamVersion ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== placementVersion) {
      throw new ConcurrencyError(placementStream, expectedVersion, placementVersion);
    }
    const state = [...pantiHistory, ...placementHistory].reduce(
      (folded, event) => occupancyDecider.evolve(folded, { type: event.type, data: event.data } as OccupancyEvent),
      occupancyDecider.initialState,
    );
    const events = occupancyDecider.decide(command, state);
    const metadata = metadataFor(placementHistory[0]);

    let placementResult: AppendResult | undefined;
    let last: AppendResult | undefined;
    const forPlacement = events.filter((event) => !isPantiEvent(event));
    const forPanti = events.filter(isPantiEvent);
    if (forPlacement.length > 0) {
      placementResult = await this.store.appendWithin(
        within,
        placementStream,
        forPlacement.map((event) => ({ type: event.type, data: event.data, metadata })),
        { expectedVersion: placementVersion },
      );
      last = placementResult;
    }
    if (forPanti.length > 0 && pantiStream) {
      last = await this.store.appendWithin(
        within,
        pantiStream,
        forPanti.map((event) => ({ type: event.type, data: event.data, metadata: withoutPerson(metadata) })),
        { expectedVersion: pantiHistory.at(-1)?.streamVersion ?? 0 },
      );
    }
    if (command.type === 'RequestPlacement') await this.index.record(within, command);
    const position = last?.position ?? placementHistory.at(-1)?.position;
    return {
      id: command.placementId,
      version: placementResult?.nextExpectedVersion ?? placementVersion,
      position: position ? formatPosition(position) : '0.0',
    };
  }

  private async placement(
    command: PlacementCommand,
    metadataFor: MetadataFor,
    expectedVersion?: number,
    within?: PoolClient,
  ): Promise<WriteResult> {
    const streamId = placementStreamId(command.placementId);
    const [first] = await this.store.readStream(streamId, { maxCount: 1, ...(within && { within }) });
    const result = await handleCommand(this.store, streamId, placementDecider, command, {
      metadata: metadataFor(first),
      ...(within && { within }),
      ...(expectedVersion !== undefined && { expectedVersion }),
    });
    return { id: command.placementId, version: result.nextExpectedVersion, position: formatPosition(result.position) };
  }

  private read(streamId: string, within: PoolClient): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId, { within });
  }
}

/**
 * The keys the store's own head locks use (hashtextextended of the stream id), taken in key order:
 * the append that follows re-enters them, and no two writers can lock them crosswise.
 */
async function lockStreams(within: PoolClient, streamIds: string[]): Promise<void> {
  await within.query(
    `SELECT pg_advisory_xact_lock(key)
       FROM (SELECT DISTINCT hashtextextended(id, 0) AS key FROM unnest($1::text[]) AS id ORDER BY key) AS keys`,
    [streamIds],
  );
}

function httpMetadata(command: { at: string }, context: WriteContext): MetadataFor {
  return (first) => {
    const personId = first?.metadata.personId ?? personOf(command);
    return {
      occurredAt: command.at,
      correlationId: first?.metadata.correlationId ?? randomUUID(),
      causationId: null,
      actor: eventActor(context.actor),
      ...(personId && { personId }),
    };
  };
}

function withoutPerson(metadata: Metadata): Metadata {
  const { personId: _personId, ...rest } = metadata;
  return rest;
}

function personOf(command: object): string | undefined {
  return 'personId' in command && typeof command.personId === 'string' ? command.personId : undefined;
}

function pantiOf(history: readonly RecordedEvent[]): string | undefined {
  const requested = history.find((event) => event.type === 'PlacementRequested');
  return (requested?.data as { pantiId?: string } | undefined)?.pantiId;
}
