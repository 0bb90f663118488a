import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, of, type Observable } from 'rxjs';
import type { AgencyActor } from '../agency/agency-token';
import { EdgeError } from '../problems/http-errors';
import { IdempotencyKeys } from './idempotency-keys';

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
const WAIT_FOR_FIRST_ATTEMPT_MS = 10_000;

/** What every write answers: the stream's new version (the ETag) and the position it produced. */
export interface WriteResult {
  id: string;
  version: number;
  /** `<transaction>.<sequence>`: send it as X-Lintas-Min-Position to read your own write. */
  position: string;
}

/**
 * Every POST takes an Idempotency-Key: a retry with the same key and body gets the first response
 * and does nothing again; the same key with another body is refused; a retry that arrives while
 * the first attempt runs waits for its answer. Writes also answer with their version as ETag and
 * their position as X-Lintas-Position.
 */
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
    const agencyId = request.actor.agencyId;
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.claim(agencyId, key, request)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'replay') {
          response.setHeader('Idempotent-Replayed', 'true');
          return of(headed(response, claim.response.body));
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.keys.answer(agencyId, key, { status, body });
            return headed(response, body);
          }),
          catchError(async (error: unknown) => {
            await this.keys.release(agencyId, key).catch(() => undefined);
            throw error;
          }),
        );
      }),
    );
  }

  private async claim(agencyId: string, key: string, request: Request) {
    const fingerprint = IdempotencyKeys.fingerprint(request.method, request.originalUrl, request.body);
    const deadline = Date.now() + WAIT_FOR_FIRST_ATTEMPT_MS;
    for (;;) {
      const claim = await this.keys.claim(agencyId, key, fingerprint);
      if (claim.kind === 'mismatch') {
        throw new EdgeError(
          422,
          'idempotency-key.reused',
          'this Idempotency-Key was already used for a different request',
        );
      }
      if (claim.kind !== 'in-progress') return claim;
      if (Date.now() > deadline) {
        throw new EdgeError(
          409,
          'idempotency-key.in-progress',
          'a request with this Idempotency-Key is still running; retry later',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function headed(response: Response, body: unknown): unknown {
  const result = body as Partial<WriteResult> | undefined;
  if (typeof result?.version === 'number') response.setHeader('ETag', `"${result.version}"`);
  if (typeof result?.position === 'string') response.setHeader('X-Lintas-Position', result.position);
  return body;
}
