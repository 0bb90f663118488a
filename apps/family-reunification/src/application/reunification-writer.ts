import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { handleCommand } from '@lintas/event-store/decider';
import { EventStore } from '@lintas/event-store/event-store';
import type { EventMetadata } from '@lintas/event-store/events/event-types';
import { formatPosition } from '@lintas/event-store/position';
import { PermanentError } from '@lintas/messaging/inbox/permanent-error';
import { reactionMetadata, type Received } from '@lintas/messaging/reactions/reaction';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { ReunificationCommand } from '../domain/reunification/reunification.commands';
import { reunificationDecider, reunificationStreamId } from '../domain/reunification/reunification.decider';
import type { ReunificationEvent } from '../domain/reunification/reunification.events';
import type { ReunificationState } from '../domain/reunification/reunification.state';
import type { WriteContext } from './command-context';
import { eventActor } from '@lintas/event-store/nest/event-actor';

export const SERVICE_NAME = 'family-reunification';

type Metadata = Omit<EventMetadata, 'recordedAt'>;

/**
 * Load, decide, append for the reunification streams, with the metadata every event needs: the
 * person (key of their personal data and of the Kafka message) and the journey's correlation id,
 * both taken from the stream's first event so that later events stay on the same thread.
 */
@Injectable()
export class ReunificationWriter {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async execute(command: ReunificationCommand, context: WriteContext): Promise<WriteResult> {
    const [first] = await this.store.readStream(reunificationStreamId(command.reunificationId), { maxCount: 1 });
    const metadata: Metadata = {
      occurredAt: command.at,
      correlationId: first?.metadata.correlationId ?? randomUUID(),
      causationId: null,
      actor: eventActor(context.actor),
      ...(first?.metadata.personId && { personId: first.metadata.personId }),
    };
    const result = await handleCommand(
      this.store,
      reunificationStreamId(command.reunificationId),
      reunificationDecider,
      command,
      { metadata, ...(context.expectedVersion !== undefined && { expectedVersion: context.expectedVersion }) },
    );
    return {
      id: command.reunificationId,
      version: result.nextExpectedVersion,
      position: formatPosition(result.position),
    };
  }

  /**
   * A command caused by another service's event, inside the inbox's transaction. A rule that
   * refuses it will refuse it on every retry, so it goes to the dead letters with its code.
   */
  async react(
    command: ReunificationCommand,
    event: Received<unknown>,
    personId: string,
    within: PoolClient,
  ): Promise<{ events: ReunificationEvent[]; state: ReunificationState }> {
    try {
      return await handleCommand(
        this.store,
        reunificationStreamId(command.reunificationId),
        reunificationDecider,
        command,
        { metadata: reactionMetadata(event, SERVICE_NAME, personId), within },
      );
    } catch (error) {
      if (error instanceof DomainError) throw new PermanentError(`${command.type} refused: ${error.code}`);
      throw error;
    }
  }
}
