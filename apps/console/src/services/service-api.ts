import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { freshAccessToken } from '../auth/access-tokens';
import { OidcClient } from '../auth/oidc-client';
import type { Session } from '../auth/sessions';
import { SignInRequired } from '../auth/sign-in-required';
import { CONSOLE_ENV, CONSOLE_LOGGER } from '../console-tokens';
import type { ConsoleEnv } from '../console-env';
import type { Lang } from '../i18n/i18n';

export const SERVICE_NAMES = ['intake', 'health-liaison', 'rehabilitation', 'family-reunification', 'audit'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** A service's answer: its body, or why not (status 0: it did not answer at all). */
export type ApiResult<T> = { ok: true; status: number; body: T } | ApiRefusal;
export interface ApiRefusal {
  ok: false;
  status: number;
  service: ServiceName;
  code?: string;
  detail?: string;
}

/** An answer passed on as it came (a CSV, an evidence bundle): its type and bytes. */
export interface RawAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

export interface CallOptions {
  /** Where the browser goes back to if the user must sign in again first. */
  returnTo: string;
  lang: Lang;
  accept?: string;
  body?: unknown;
}

const CALL_TIMEOUT_MS = 15_000;

/**
 * The services' own HTTP APIs, called with the signed-in user's access token: every page's data
 * comes from here, so every access rule of the services holds for the console as for any other
 * client, and every read of people's data is recorded there under this user. The console has no
 * database of theirs and no token of its own.
 */
@Injectable()
export class ServiceApi {
  private readonly urls: Record<ServiceName, string>;

  constructor(
    @Inject(CONSOLE_ENV) env: ConsoleEnv,
    @Inject(OidcClient) private readonly oidc: OidcClient,
    @Inject(CONSOLE_LOGGER) private readonly logger: Logger,
  ) {
    this.urls = {
      intake: env.LINTAS_INTAKE_URL,
      'health-liaison': env.LINTAS_HEALTH_LIAISON_URL,
      rehabilitation: env.LINTAS_REHABILITATION_URL,
      'family-reunification': env.LINTAS_FAMILY_REUNIFICATION_URL,
      audit: env.LINTAS_AUDIT_URL,
    };
  }

  get<T>(session: Session, service: ServiceName, path: string, options: CallOptions): Promise<ApiResult<T>> {
    return this.json<T>(session, service, 'GET', path, options);
  }

  post<T>(session: Session, service: ServiceName, path: string, options: CallOptions): Promise<ApiResult<T>> {
    return this.json<T>(session, service, 'POST', path, options);
  }

  /** A GET whose answer is passed on to the browser as it came (CSV, a bundle to download). */
  async raw(
    session: Session,
    service: ServiceName,
    path: string,
    options: CallOptions,
  ): Promise<RawAnswer | ApiRefusal> {
    const response = await this.send(session, service, 'GET', path, options);
    if (!response) return { ok: false, status: 0, service };
    if (!response.ok) return this.refusal(service, response);
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  private async json<T>(
    session: Session,
    service: ServiceName,
    method: 'GET' | 'POST',
    path: string,
    options: CallOptions,
  ): Promise<ApiResult<T>> {
    const response = await this.send(session, service, method, path, options);
    if (!response) return { ok: false, status: 0, service };
    if (!response.ok) return this.refusal(service, response);
    const text = await response.text();
    try {
      return { ok: true, status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    } catch {
      this.logger.warn({ service, path: pathOnly(path), status: response.status }, 'a service answered no JSON');
      return { ok: false, status: 502, service };
    }
  }

  private async send(
    session: Session,
    service: ServiceName,
    method: 'GET' | 'POST',
    path: string,
    options: CallOptions,
  ): Promise<Response | undefined> {
    const token = await freshAccessToken(session, this.oidc, this.logger);
    if (!token) throw new SignInRequired(options.returnTo);
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: options.accept ?? 'application/json',
      'accept-language': options.lang,
    };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      // Each click is one request: a retry by the browser is a new click, a new key.
      headers['idempotency-key'] = crypto.randomUUID();
    }
    try {
      const response = await fetch(`${this.urls[service]}${path}`, {
        method,
        headers,
        ...(method === 'POST' && { body: JSON.stringify(options.body ?? {}) }),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      // The token died or was revoked between the check and the call: sign in again.
      if (response.status === 401) {
        session.tokens = undefined;
        throw new SignInRequired(options.returnTo);
      }
      return response;
    } catch (error) {
      if (error instanceof SignInRequired) throw error;
      this.logger.warn({ service, path: pathOnly(path), error: String(error) }, 'a service did not answer');
      return undefined;
    }
  }

  private async refusal(service: ServiceName, response: Response): Promise<ApiRefusal> {
    const problem = (await response.json().catch(() => ({}))) as { code?: unknown; detail?: unknown; title?: unknown };
    return {
      ok: false,
      status: response.status,
      service,
      ...(typeof problem.code === 'string' && { code: problem.code }),
      ...(typeof problem.detail === 'string'
        ? { detail: problem.detail }
        : typeof problem.title === 'string' && { detail: problem.title }),
    };
  }
}

/** A path without its query, for a log line: a query may hold what was searched for. */
const pathOnly = (path: string): string => path.split('?')[0] ?? path;
