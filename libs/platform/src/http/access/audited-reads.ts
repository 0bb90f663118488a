import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import type { AgencyActor } from '../agency/agency-token';
import { problemCode, refusalStatus } from '../problems/problem.filter';
import { AccessLog } from './access-log';
import { peopleReadBy, personalFieldsIn, personsNamedIn, type ReadShape } from './read-shape';

/**
 * A request as the read's record sees it. A handler may set `readReason`: why it let the caller see
 * more than the route shows by default (an admin revealing a dead letter's data, with their reason);
 * and `readPersonIds`: whom its answer is about, when the answer's format has no `personId` field to
 * find them by (a FHIR resource names its patient by reference).
 */
export type AuditedRequest = Request & {
  actor?: AgencyActor;
  emergencyAccess?: string;
  readReason?: string;
  readPersonIds?: string[];
};
type ActorRequest = AuditedRequest;

/**
 * Which requests are reads of people's data (a GET, or a write marked `@RecordsRead()`, whose
 * declared answer carries personal fields or names persons), and their records: one per request,
 * granted or refused.
 */
@Injectable()
export class AuditedReads {
  private readonly shapes = new WeakMap<object, Map<string, ReadShape | undefined>>();

  constructor(@Inject(AccessLog) private readonly log: AccessLog) {}

  /** The route's read shape when this request reads people's data; undefined otherwise. */
  shapeOf(context: ExecutionContext): ReadShape | undefined {
    if (context.getType() !== 'http') return undefined;
    const handler = context.getHandler();
    const method = context.switchToHttp().getRequest<Request>().method;
    let shapes = this.shapes.get(handler);
    if (!shapes) this.shapes.set(handler, (shapes = new Map()));
    if (!shapes.has(method)) shapes.set(method, peopleReadBy(handler, method));
    return shapes.get(method);
  }

  async granted(context: ExecutionContext, shape: ReadShape, body: unknown): Promise<void> {
    const request = context.switchToHttp().getRequest<ActorRequest>();
    await this.log.record({
      ...this.asked(request),
      outcome: 'granted',
      // A write recorded as a read answers 201 unless its route says otherwise.
      status:
        (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ??
        (request.method === 'POST' ? 201 : 200),
      actor: request.actor,
      personIds: request.readPersonIds ?? personsNamedIn(body),
      fields: personalFieldsIn(body, shape.personalFields),
      ...(request.emergencyAccess
        ? { reason: `emergency-access:${request.emergencyAccess}` }
        : request.readReason
          ? { reason: request.readReason }
          : {}),
    });
  }

  /** Records the refusal when `error` is one (401, 403, 404) of a read of people's data; other errors are not. */
  async refusedBy(context: ExecutionContext, error: unknown): Promise<void> {
    const status = refusalStatus(error);
    if (status === undefined || !this.shapeOf(context)) return;
    const request = context.switchToHttp().getRequest<ActorRequest>();
    const asked = this.asked(request);
    await this.log.record({
      ...asked,
      outcome: 'refused',
      status,
      actor: request.actor,
      personIds: asked.params.personId ? [asked.params.personId] : [],
      fields: [],
      reason: problemCode(error) ?? `http.${status}`,
    });
  }

  private asked(request: ActorRequest): { method: string; route: string; params: Record<string, string> } {
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    const params = Object.fromEntries(
      Object.entries(request.params as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
    ) as Record<string, string>;
    return { method: request.method, route, params };
  }
}

/** Writes each read's record before its answer leaves, and each refusal the handler raised. */
@Injectable()
export class AuditedReadInterceptor implements NestInterceptor {
  constructor(@Inject(AuditedReads) private readonly reads: AuditedReads) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const shape = this.reads.shapeOf(context);
    if (!shape) return next.handle();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.reads.granted(context, shape, body);
        return body;
      }),
      catchError((error: unknown) =>
        from(this.reads.refusedBy(context, error)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}
