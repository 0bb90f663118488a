import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { handleCommand, type Decider, type DomainEvent } from '@lintas/event-store/decider';
import { EventStore } from '@lintas/event-store/event-store';
import type { EventMetadata } from '@lintas/event-store/events/event-types';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { formatPosition, type GlobalPosition } from '@lintas/event-store/position';
import { PermanentError } from '@lintas/messaging/inbox/permanent-error';
import { reactionMetadata, type Received } from '@lintas/messaging/reactions/reaction';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import type { Actor } from '../domain/actor';
import type { CaseCommand, IdentifyPerson, RegisterIntake } from '../domain/case/case.commands';
import { createCaseDecider } from '../domain/case/case.decider';
import type { CaseEvent } from '../domain/case/case.events';
import type { CaseState, RegisteredCase } from '../domain/case/case.state';
import { caseYear } from '../domain/case/case-number';
import { parseIsoDate } from '../domain/identity/identity';
import { normaliseNik } from '../domain/identity/nik-check';
import { handedOverPickup } from '../domain/pickup/handed-over-pickup';
import type { PickupCommand } from '../domain/pickup/pickup.commands';
import { pickupDecider, type PickupState } from '../domain/pickup/pickup.decider';
import type { PickupEvent } from '../domain/pickup/pickup.events';
import type { RegionDirectory } from '../domain/regions/region-directory';
import { CaseNumbers } from './case-numbers';
import type { WriteContext } from './command-context';
import { KnownPersons } from './known-persons';
import { eventActor } from '@lintas/event-store/nest/event-actor';

export const SERVICE_NAME = 'intake';
export const REGION_DIRECTORY = Symbol('RegionDirectory');

type Metadata = Omit<EventMetadata, 'recordedAt'>;

export const pickupStreamId = (pickupId: string) => `pickup-${pickupId}`;
export const caseStreamId = (caseId: string) => `case-${caseId}`;

export interface CaseWrite extends WriteResult {
  state: CaseState;
  events: CaseEvent[];
}

/**
 * Load, decide, append for the pickup and case streams, with the metadata every event needs: the
 * person (key of their personal data and of the Kafka message) and the journey's correlation id,
 * which starts at the pickup and follows the person into the case.
 */
@Injectable()
export class IntakeWriter {
  private readonly caseDecider: Decider<CaseCommand, CaseEvent, CaseState>;
  private readonly caseNumbers: CaseNumbers;
  private readonly knownPersons: KnownPersons;

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Pool) private readonly pool: Pool,
    @Inject(REGION_DIRECTORY) regions: RegionDirectory,
  ) {
    this.caseDecider = createCaseDecider(regions);
    this.caseNumbers = new CaseNumbers(store.schema);
    this.knownPersons = new KnownPersons(store.schema, store.cipher);
  }

  async pickup(command: PickupCommand, context: WriteContext): Promise<WriteResult & { personId: string }> {
    const first = command.type === 'ReportPickup' ? undefined : await this.firstEvent(pickupStreamId(command.pickupId));
    const personId = command.type === 'ReportPickup' ? command.personId : first?.metadata.personId;
    const result = await handleCommand(this.store, pickupStreamId(command.pickupId), pickupDecider, command, {
      metadata: httpMetadata(context, command.at, personId, first?.metadata.correlationId),
      ...(context.expectedVersion !== undefined && { expectedVersion: context.expectedVersion }),
    });
    const state = result.state;
    return {
      ...writeResult(command.pickupId, result),
      personId: state.status === 'none' ? (personId ?? '') : state.personId,
    };
  }

  /**
   * Opens the case with the next number of the office's year, in one transaction with the
   * numbering, and on the journey of the pickup it comes from.
   */
  async registerIntake(
    command: Omit<RegisterIntake, 'caseSequence' | 'pickup' | 'personId'> & { pickupId?: string; personId?: string },
    context: WriteContext,
  ): Promise<CaseWrite> {
    return this.store.transaction(async (within) => {
      const { pickupId, personId, ...rest } = command;
      const pickupEvents = pickupId ? await this.store.readStream(pickupStreamId(pickupId), { within }) : [];
      const pickup = pickupId ? handedOverPickup(fold(pickupDecider, pickupEvents)) : undefined;
      const caseSequence = await this.caseNumbers.next(within, command.actor.agencyId, caseYear(command.at));
      const registration: RegisterIntake = {
        ...rest,
        // The person of the pickup unless the office names one; a person brought in otherwise is new.
        personId: personId ?? pickup?.personId ?? deterministicUuid(`person:${command.caseId}`),
        caseSequence,
        ...(pickup && { pickup }),
      };
      const correlationId = pickupEvents[0]?.metadata.correlationId;
      const metadata = httpMetadata(context, command.at, registration.personId, correlationId);
      return this.writeCase(registration, context, within, metadata);
    });
  }

  async case(command: CaseCommand, context: WriteContext, within?: PoolClient): Promise<CaseWrite> {
    const first = await this.firstEvent(caseStreamId(command.caseId), within);
    const personId = command.type === 'RegisterIntake' ? command.personId : first?.metadata.personId;
    return this.writeCase(
      command,
      context,
      within,
      httpMetadata(context, command.at, personId, first?.metadata.correlationId),
    );
  }

  /**
   * Identifies the person and checks at once whether they are someone met before, so that the
   * office sees the candidates in the answer. The earlier persons come from a read model, first
   * brought up to date with everything written so far (best effort: the check can be run again).
   */
  async identify(command: IdentifyPerson, context: WriteContext): Promise<CaseWrite> {
    await this.catchUp();
    const current = await this.loadCase(command.caseId);
    const nik = command.identity.nik !== undefined ? normaliseNik(command.identity.nik) : null;
    const birth = command.identity.birthDate ? parseIsoDate(command.identity.birthDate) : null;
    const earlierPersons =
      current.state.status === 'none'
        ? []
        : await this.knownPersons.around(this.pool, {
            personId: current.state.personId,
            nik,
            birthYear: birth?.year ?? command.identity.birthYear ?? null,
          });
    return this.store.transaction(async (within) => {
      const identified = await this.case(command, context, within);
      const { caseId, actor, at } = command;
      const checked = await this.case(
        { type: 'RecordDuplicateCandidates', caseId, actor, at, earlierPersons },
        { actor: context.actor },
        within,
      );
      return { ...checked, events: [...identified.events, ...checked.events] };
    });
  }

  /** Runs the duplicate check again, against everyone identified by now. */
  async checkDuplicates(caseId: string, actor: Actor, at: string, context: WriteContext): Promise<CaseWrite> {
    await this.catchUp();
    const { state } = await this.loadCase(caseId);
    const earlierPersons =
      state.status === 'none'
        ? []
        : await this.knownPersons.around(this.pool, {
            personId: state.personId,
            nik: state.person.nik,
            birthYear: state.person.birthYear,
          });
    return this.case({ type: 'RecordDuplicateCandidates', caseId, actor, at, earlierPersons }, context);
  }

  /**
   * A command caused by another service's event, inside the inbox's transaction, on behalf of the
   * office that owns the case (that service has already checked the agency that acted there). A
   * rule that can never pass goes to the dead letters, except the ones the caller names as a
   * harmless "already so" (an escape reported for a case closed meanwhile).
   */
  async react(
    caseId: string,
    build: (state: RegisteredCase, owner: Actor) => CaseCommand,
    event: Received<unknown>,
    within: PoolClient,
    harmless: readonly string[] = [],
  ): Promise<void> {
    try {
      const recorded = await this.store.readStream(caseStreamId(caseId), { within });
      const state = fold(this.caseDecider, recorded);
      if (state.status === 'none') throw new DomainError('case.not-found', 'no such case', 'not-found');
      const owner: Actor = { agencyId: state.ownerOfficeId, kind: 'dinas-sosial', regionCode: state.ownerRegionCode };
      await handleCommand(this.store, caseStreamId(caseId), this.caseDecider, build(state, owner), {
        metadata: {
          ...reactionMetadata(event, SERVICE_NAME, state.personId),
          correlationId: recorded[0]?.metadata.correlationId ?? event.correlationId ?? event.id,
        },
        within,
      });
    } catch (error) {
      if (error instanceof DomainError && harmless.includes(error.code)) return;
      if (error instanceof DomainError) throw new PermanentError(`${event.type} refused: ${error.code}`);
      throw error;
    }
  }

  async loadCase(caseId: string, within?: PoolClient): Promise<{ state: CaseState; version: number }> {
    const recorded = await this.store.readStream(caseStreamId(caseId), within ? { within } : {});
    return { state: fold(this.caseDecider, recorded), version: recorded.at(-1)?.streamVersion ?? 0 };
  }

  async loadPickup(pickupId: string): Promise<{ state: PickupState; events: PickupEvent[]; version: number }> {
    const recorded = await this.store.readStream(pickupStreamId(pickupId));
    const events = recorded.map((e) => ({ type: e.type, data: e.data }) as PickupEvent);
    return { state: fold(pickupDecider, recorded), events, version: recorded.at(-1)?.streamVersion ?? 0 };
  }

  private async writeCase(
    command: CaseCommand,
    context: WriteContext,
    within: PoolClient | undefined,
    metadata: Metadata,
  ): Promise<CaseWrite> {
    const result = await handleCommand(this.store, caseStreamId(command.caseId), this.caseDecider, command, {
      metadata,
      ...(within && { within }),
      ...(context.expectedVersion !== undefined && { expectedVersion: context.expectedVersion }),
    });
    return { ...writeResult(command.caseId, result), state: result.state, events: result.events };
  }

  private async firstEvent(streamId: string, within?: PoolClient) {
    const [first] = await this.store.readStream(streamId, { maxCount: 1, ...(within && { within }) });
    return first;
  }

  private async catchUp(): Promise<void> {
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT transaction_id::text || '.' || sequence AS position FROM ${this.store.schema}.events
        ORDER BY transaction_id DESC, sequence DESC LIMIT 1`,
    );
    const head = rows[0]?.position;
    // Best effort: a read model that lags longer than this only delays a candidate to the next check.
    await this.readModels.waitFor(head, 3_000).catch(() => undefined);
  }
}

function fold<C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  recorded: readonly { type: string; data: unknown }[],
): S {
  return recorded.reduce(
    (state, e) => decider.evolve(state, { type: e.type, data: e.data } as E),
    decider.initialState,
  );
}

function httpMetadata(
  context: WriteContext,
  at: string,
  personId: string | undefined,
  correlationId: string | undefined,
): Metadata {
  return {
    occurredAt: at,
    correlationId: correlationId ?? randomUUID(),
    causationId: null,
    actor: eventActor(context.actor),
    ...(personId && { personId }),
  };
}

function writeResult(id: string, result: { nextExpectedVersion: number; position: GlobalPosition }): WriteResult {
  return { id, version: result.nextExpectedVersion, position: formatPosition(result.position) };
}

/** What a case write answers over HTTP: the id, the stream's new version (the ETag) and the position. */
export function answered(write: CaseWrite): WriteResult {
  return { id: write.id, version: write.version, position: write.position };
}
