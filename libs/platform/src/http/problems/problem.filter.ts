import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, NotAPartyError, type DomainErrorKind } from '@lintas/domain-kernel/domain-error';
import { SERVICE_LOGGER } from '../../service/service-tokens';
import { EdgeError } from './http-errors';
import { preferredLanguage, problemTitle } from './problem-titles';

/** RFC 9457: `type` names the problem, `detail` explains this occurrence, never with personal data. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_BASE = 'https://lintas.id/problems/';

const STATUS_OF: Record<DomainErrorKind, number> = {
  conflict: 409,
  invalid: 422,
  forbidden: 403,
  'not-found': 404,
  'not-a-party': 404,
};

/** The status of a refusal to show something (401, 403, 404), else undefined: what an access record notes. */
export function refusalStatus(error: unknown): number | undefined {
  const status =
    error instanceof EdgeError ? error.status : error instanceof DomainError ? STATUS_OF[error.kind] : undefined;
  return status === 401 || status === 403 || status === 404 ? status : undefined;
}

/** The code of an error the edge or the domain raised; for a party check, the rule it broke (the caller sees less). */
export function problemCode(error: unknown): string | undefined {
  return error instanceof EdgeError || error instanceof DomainError ? error.code : undefined;
}

/** A stale expected version: 412 when the client sent If-Match, 409 when the server raced itself. */
interface ConcurrencyLike {
  name: 'ConcurrencyError';
  streamId: string;
  actual: number;
}

/** The one map from every error to problem+json (docs/architecture.md, "Errors"). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.problemOf(error, request);
    if (error instanceof EdgeError) response.set(error.headers);
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  /** The problem an error is to the caller; a route answering in another format (FHIR) renders it its own way. */
  problemOf(error: unknown, request: Request): ProblemDetails {
    const { status, code, detail, extra } = this.describe(error, request);
    return {
      type: `${PROBLEM_BASE}${code}`,
      title: problemTitle(status, preferredLanguage(request.headers['accept-language'])),
      status,
      detail,
      code,
      instance: request.originalUrl.split('?')[0],
      ...extra,
    };
  }

  private describe(error: unknown, request: Request) {
    if (error instanceof EdgeError)
      return { status: error.status, code: error.code, detail: error.detail, extra: error.extra };
    if (error instanceof NotAPartyError) {
      // Which rule it broke would tell that the object exists: the log keeps it, the caller does not.
      this.logger.info({ code: error.code, route: request.route?.path }, 'refused: not a party of the object');
      return { status: 404, code: `${error.object}.not-found`, detail: `no such ${error.object}`, extra: {} };
    }
    if (error instanceof DomainError)
      return { status: STATUS_OF[error.kind], code: error.code, detail: error.detail, extra: {} };
    if (error instanceof Error && error.name === 'PersonErasedError') {
      return {
        status: 409,
        code: 'person.erased',
        detail: 'the person was erased (UU 27/2022): nothing personal may be recorded of them any more',
        extra: {},
      };
    }
    if (error instanceof Error && error.name === 'ReadModelsBehindError') {
      return { status: 504, code: 'read-model.behind', detail: error.message, extra: {} };
    }
    if (isConcurrency(error)) {
      const status = request.headers['if-match'] ? 412 : 409;
      return {
        status,
        code: 'version.stale',
        detail: `it changed since it was read: it is now at version ${error.actual}`,
        extra: { currentVersion: error.actual },
      };
    }
    if (error instanceof HttpException) {
      // Nest's own: an unknown route (404), a body that is not JSON (400), a body too large (413).
      const status = error.getStatus();
      return { status, code: `http.${status}`, detail: error.message, extra: {} };
    }
    // The stack and message may hold personal data: they go to the log (which redacts), not the client.
    this.logger.error({ err: error, method: request.method, route: request.route?.path }, 'request failed');
    return {
      status: 500,
      code: 'internal',
      detail: 'the request could not be completed; it may be retried',
      extra: {},
    };
  }
}

function isConcurrency(error: unknown): error is ConcurrencyLike {
  return error instanceof Error && error.name === 'ConcurrencyError';
}
