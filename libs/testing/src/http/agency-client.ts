import { randomUUID } from 'node:crypto';
import type { AgencyActor, AgencyKind } from '@lintas/platform/http/agency/agency-token';
import { testIdentity } from '../identity/test-identity';

/** What a test reads from a reply: any JSON the service answered, asserted by the test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test asserts whatever JSON comes back
export type Json = any;

export interface Reply<Body = Json> {
  status: number;
  headers: Headers;
  body: Body;
}

/** One request a client made and the reply it got, for a test that watches the traffic. */
export interface Exchange {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  reply: Reply;
}
export type ExchangeObserver = (exchange: Exchange) => void;
/** Where a client's access tokens come from: the test identity provider's unless given. */
export type TokenSource = (actor: AgencyActor) => Promise<string>;

export interface PostOptions {
  /** Defaults to a fresh key: pass one to retry the same request. */
  idempotencyKey?: string;
  ifMatch?: string | number;
  headers?: Record<string, string>;
}

/**
 * An agency's system calling a Lintas service over HTTP, as the real ones do: with an access token
 * from the test file's identity provider (testIdentity), which the services under test trust, or
 * from `tokens` (e.g. a real provider's client credentials).
 */
export class AgencyClient {
  constructor(
    readonly baseUrl: string,
    readonly actor: AgencyActor,
    private readonly observe?: ExchangeObserver,
    private readonly tokens?: TokenSource,
  ) {}

  private async bearer(): Promise<string> {
    const token = this.tokens ? await this.tokens(this.actor) : await (await testIdentity()).tokenFor(this.actor);
    return `Bearer ${token}`;
  }

  async post<Body = Json>(path: string, body: unknown, options: PostOptions = {}): Promise<Reply<Body>> {
    const headers: Record<string, string> = {
      authorization: await this.bearer(),
      'content-type': 'application/json',
      'idempotency-key': options.idempotencyKey ?? randomUUID(),
      ...options.headers,
    };
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    const url = `${this.baseUrl}${path}`;
    return this.observed(
      'POST',
      url,
      await reply(await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) })),
    );
  }

  /** A FHIR update: the resource as application/fhir+json, the version it was read at as If-Match. */
  async put<Body = Json>(
    path: string,
    body: unknown,
    options: { ifMatch?: string | number; headers?: Record<string, string> } = {},
  ): Promise<Reply<Body>> {
    const headers: Record<string, string> = {
      authorization: await this.bearer(),
      'content-type': 'application/fhir+json',
      ...options.headers,
    };
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    const url = `${this.baseUrl}${path}`;
    return this.observed(
      'PUT',
      url,
      await reply(await fetch(url, { method: 'PUT', headers, body: JSON.stringify(body) })),
    );
  }

  async get<Body = Json>(
    path: string,
    options: { minPosition?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<Body>> {
    const headers: Record<string, string> = { authorization: await this.bearer(), ...options.headers };
    if (options.minPosition) headers['x-lintas-min-position'] = options.minPosition;
    const url = `${this.baseUrl}${path}`;
    return this.observed('GET', url, await reply(await fetch(url, { headers })));
  }

  private observed<R extends Reply>(method: Exchange['method'], url: string, answer: R): R {
    this.observe?.({ method, url, reply: answer });
    return answer;
  }
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: kept as text for the assertion to show
  }
  return { status: response.status, headers: response.headers, body };
}

/** An agency for tests: `agency('rsj', 'rsj-lawang', '3507')`. */
export function agency(kind: AgencyKind, agencyId: string, regionCode = '3507'): AgencyActor {
  return { kind, agencyId, regionCode, clientId: `${agencyId}-system` };
}
