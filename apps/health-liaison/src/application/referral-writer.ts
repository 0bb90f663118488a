import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { AppendResult } from '@lintas/event-store/append/prepared-append';
import { handleCommand } from '@lintas/event-store/decider';
import { EventStore } from '@lintas/event-store/event-store';
import type { EventMetadata } from '@lintas/event-store/events/event-types';
import { formatPosition, type GlobalPosition } from '@lintas/event-store/position';
import { PermanentError } from '@lintas/messaging/inbox/permanent-error';
import { reactionMetadata, type Received } from '@lintas/messaging/reactions/reaction';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { RedirectReferral, ReferralCommand } from '../domain/referral/referral.commands';
import { referralDecider, referralStreamId } from '../domain/referral/referral.decider';
import type { ReferralEvent } from '../domain/referral/referral.events';
import type { ReferralState } from '../domain/referral/referral.state';
import { redirectedRequest } from '../domain/referral/referral.redirect';
import type { WriteContext } from './command-context';
import { ReferralIndex } from './referral-index';
import { eventActor } from '@lintas/event-store/nest/event-actor';

export const SERVICE_NAME = 'health-liaison';

type Metadata = Omit<EventMetadata, 'recordedAt'>;
type HandleResult = AppendResult & { events: ReferralEvent[]; state: ReferralState };

/**
 * Load, decide, append for the referral streams, with the metadata every event needs: the person
 * (key of their personal data and of the Kafka message) and the journey's correlation id, both
 * taken from the referral's first event so that every later event stays on the same thread.
 */
@Injectable()
export class ReferralWriter {
  readonly index: ReferralIndex;

  constructor(@Inject(EventStore) private readonly store: EventStore) {
    this.index = new ReferralIndex(store.schema);
  }

  async execute(command: ReferralCommand, context: WriteContext): Promise<WriteResult> {
    const metadata = await this.httpMetadata(command, context);
    return writeResult(command.referralId, await this.write(command, metadata, undefined, context.expectedVersion));
  }

  /** Closes the declined referral and opens the new one in one transaction; answers with the new one. */
  async redirect(command: RedirectReferral, context: WriteContext): Promise<WriteResult> {
    return this.store.transaction(async (within) => {
      const metadata = await this.httpMetadata(command, context, within);
      const closed = await this.write(command, metadata, within, context.expectedVersion);
      const next = redirectedRequest(closed.state, command);
      return writeResult(next.referralId, await this.write(next, metadata, within));
    });
  }

  /** A referral as it stands now, for a reaction choosing what to do with it. */
  async stateOf(referralId: string, within: PoolClient): Promise<ReferralState> {
    const history = await this.store.readStream(referralStreamId(referralId), { within });
    return history.reduce(
      (state, event) => referralDecider.evolve(state, { type: event.type, data: event.data } as ReferralEvent),
      referralDecider.initialState,
    );
  }

  /**
   * A command caused by another service's event, inside the inbox's transaction. A rule that
   * refuses it will refuse it on every retry, so it goes to the dead letters with its code.
   */
  async react(command: ReferralCommand, event: Received<unknown>, within: PoolClient): Promise<void> {
    // The person of an existing referral is the one it was requested for (a link may have merged them since).
    const personId =
      command.type === 'RequestReferral'
        ? command.personId
        : (await this.firstEvent(command.referralId, within))?.metadata.personId;
    try {
      await this.write(command, reactionMetadata(event, SERVICE_NAME, personId), within);
    } catch (error) {
      if (error instanceof DomainError) throw new PermanentError(`${command.type} refused: ${error.code}`);
      throw error;
    }
  }

  /** Decide and append; a request also records its case in the index, in the same transaction. */
  private async write(
    command: ReferralCommand,
    metadata: Metadata,
    within?: PoolClient,
    expectedVersion?: number,
  ): Promise<HandleResult> {
    if (command.type === 'RequestReferral' && !within) {
      return this.store.transaction((tx) => this.write(command, metadata, tx, expectedVersion));
    }
    const result = await handleCommand(this.store, referralStreamId(command.referralId), referralDecider, command, {
      metadata,
      ...(within && { within }),
      ...(expectedVersion !== undefined && { expectedVersion }),
    });
    if (command.type === 'RequestReferral' && within) await this.index.record(within, command);
    return result;
  }

  private async httpMetadata(command: ReferralCommand, context: WriteContext, within?: PoolClient): Promise<Metadata> {
    const first = command.type === 'RequestReferral' ? undefined : await this.firstEvent(command.referralId, within);
    const personId = command.type === 'RequestReferral' ? command.personId : first?.metadata.personId;
    return {
      occurredAt: command.at,
      correlationId: first?.metadata.correlationId ?? randomUUID(),
      causationId: null,
      actor: eventActor(context.actor),
      ...(personId && { personId }),
    };
  }

  private async firstEvent(referralId: string, within?: PoolClient) {
    const [first] = await this.store.readStream(referralStreamId(referralId), {
      maxCount: 1,
      ...(within && { within }),
    });
    return first;
  }
}

function writeResult(id: string, result: { nextExpectedVersion: number; position: GlobalPosition }): WriteResult {
  return { id, version: result.nextExpectedVersion, position: formatPosition(result.position) };
}
