import {
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, mergeMap, type Observable } from 'rxjs';
import { isRetryableTransactionError, withinTransaction } from '../../database/ambient-transaction';
import { begin } from '../../database/transaction';
import type { AgencyActor } from '../agency/agency-token';
import { EdgeError } from '../problems/http-errors';
import { IdempotencyKeys, type StoredResponse } from './idempotency-keys';

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
/** Deadlocks between two requests' stream locks are rare and end at once: a few attempts suffice. */
const ATTEMPTS = 3;

/** What every write answers: the stream's new version (the ETag) and the position it produced. */
export interface WriteResult {
  id: string;
  version: number;
  /** `<transaction>.<sequence>`: send it as X-Lintas-Min-Position to read your own write. */
  position: string;
}

/**
 * Every POST is one unit of work in one PostgreSQL transaction: its Idempotency-Key is claimed,
 * the command's events and outbox rows are written (the command handlers join this transaction)
 * and the answer is kept for the key, all committed together. A retry with the same key and
 * body gets the first answer and does nothing again, also when it arrives while the first
 * attempt runs (it waits for it) or after that attempt's process died (nothing was committed,
 * so the retry runs the command, once). The same key with another body is refused. Writes
 * answer with their version as ETag and their position as X-Lintas-Position.
 */
const SHOWN_ONCE = 'lintas:shown-once';

/**
 * Fields of a write's answer that are shown once and never kept (a secret): the answer kept for
 * its Idempotency-Key goes without them, so a retry gets it without them too, and no secret rests
 * in the idempotency table. The caller that lost it makes a new one (a key rotation).
 */
export const ShownOnce = (...fields: string[]) => SetMetadata(SHOWN_ONCE, fields);

@Injectable()
export class WriteInterceptor implements NestInterceptor {
  constructor(
    @Inject(IdempotencyKeys) private readonly keys: IdempotencyKeys,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: AgencyActor }>();
    const response = context.switchToHttp().getResponse<Response>();
    if (request.method !== 'POST' || !request.actor)
      return next.handle().pipe(mergeMap(async (body) => headed(response, body)));
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY_SHAPE.test(key)) {
      throw new EdgeError(
        400,
        'idempotency-key.missing',
        'every POST needs an Idempotency-Key header (1–255 visible characters)',
      );
    }
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const shownOnce = this.reflector.get<string[] | undefined>(SHOWN_ONCE, context.getHandler()) ?? [];
    const unit = { agencyId: request.actor.agencyId, key, status, request, shownOnce };
    return from(this.run(unit, () => lastValueFrom(next.handle(), { defaultValue: undefined }))).pipe(
      mergeMap(async (answer) => {
        if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
        return headed(response, answer.body);
      }),
    );
  }

  private async run(
    unit: { agencyId: string; key: string; status: number; request: Request; shownOnce: readonly string[] },
    handle: () => Promise<unknown>,
  ): Promise<{ body: unknown; replayed: boolean }> {
    const fingerprint = IdempotencyKeys.fingerprint(unit.request.method, unit.request.originalUrl, unit.request.body);
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.keys.connectUnit();
      let outcome: { body: unknown; replayed: boolean; committed: () => void };
      try {
        const { begun } = await begin(client);
        const claim = await this.keys.claimWithin(client, unit.agencyId, unit.key, fingerprint);
        if (claim.kind === 'claimed') {
          const { result: body, committed } = await withinTransaction(client, handle);
          await this.keys.answerWithin(client, unit.agencyId, unit.key, fingerprint, {
            status: unit.status,
            body: without(body, unit.shownOnce),
          });
          await begun;
          await client.query('COMMIT');
          outcome = { body, replayed: false, committed };
        } else {
          await client.query('ROLLBACK');
          outcome = { ...replayOrRefuse(claim), committed: () => undefined };
        }
      } catch (error) {
        const broken = await client.query('ROLLBACK').then(
          () => undefined,
          (rollbackError: unknown) =>
            rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError)),
        );
        client.done(broken);
        if (attempt < ATTEMPTS && isRetryableTransactionError(error)) continue;
        throw error;
      }
      client.done();
      outcome.committed();
      return { body: outcome.body, replayed: outcome.replayed };
    }
  }
}

function replayOrRefuse(claim: { kind: 'replay'; response: StoredResponse } | { kind: 'mismatch' }) {
  if (claim.kind === 'mismatch') {
    throw new EdgeError(422, 'idempotency-key.reused', 'this Idempotency-Key was already used for a different request');
  }
  return { body: claim.response.body, replayed: true };
}

function without(body: unknown, fields: readonly string[]): unknown {
  if (fields.length === 0 || typeof body !== 'object' || body === null) return body;
  return Object.fromEntries(Object.entries(body).filter(([field]) => !fields.includes(field)));
}

function headed(response: Response, body: unknown): unknown {
  const result = body as Partial<WriteResult> | undefined;
  if (typeof result?.version === 'number') response.setHeader('ETag', `"${result.version}"`);
  if (typeof result?.position === 'string') response.setHeader('X-Lintas-Position', result.position);
  return body;
}
