import { Injectable, SetMetadata, applyDecorators } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { AnyContract, Contract } from '@lintas/contracts/contract';
import type { CloudEvent } from '../cloudevents/cloud-event';

/** An integration event as a reaction receives it: checked against its contract, typed. */
export interface Received<Data> {
  id: string;
  source: string;
  type: string;
  time: string;
  personId?: string;
  correlationId?: string;
  causationId?: string;
  /** The acting agency and its system, where the publisher said (see CloudEvent). */
  actor?: { agencyId: string; clientId: string };
  data: Data;
}

/**
 * A process-manager step: another service's event becomes a command here. It runs inside the
 * inbox's transaction (also ambient, so the commands it executes join it): its writes and the
 * inbox row commit together, and a redelivered event never reaches it twice. A rule of the
 * domain that refuses the command (a DomainError) will refuse it on every retry, so the event
 * goes to the dead letters with the rule's code, unless the reaction names that code harmless
 * ("already so"); anything else is retried. Throw PermanentError for any other event that can
 * never be handled.
 */
export interface Reaction<Data = unknown> {
  handle(event: Received<Data>, transaction: PoolClient): Promise<void>;
}

export interface ReactionOptions {
  /** Codes of domain rules that mean the reaction's effect already holds: the event is done. */
  harmless?: readonly string[];
}

export const REACTS_TO = Symbol('REACTS_TO');

export interface ReactsToMetadata {
  contract: AnyContract;
  options: ReactionOptions;
}

/** Marks a provider as the reaction to a contract's events; the messaging module finds it. */
export function ReactsTo<Data>(contract: Contract<Data>, options: ReactionOptions = {}): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(REACTS_TO, { contract, options } satisfies ReactsToMetadata));
}

export function received<Data>(event: CloudEvent): Received<Data> {
  return {
    id: event.id,
    source: event.source,
    type: event.type,
    time: event.time,
    ...(event.subject ? { personId: event.subject } : {}),
    ...(event.correlationid ? { correlationId: event.correlationid } : {}),
    ...(event.causationid ? { causationId: event.causationid } : {}),
    ...(event.actoragencyid && {
      actor: { agencyId: event.actoragencyid, clientId: event.actorclientid ?? event.actoragencyid },
    }),
    data: event.data as Data,
  };
}
