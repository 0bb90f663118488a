import { randomUUID } from 'node:crypto';
import { ADMIN_SCOPE } from '@lintas/platform/http/agency/agency-token';

/** A refusal of the admin API or of the token endpoint, as its problem's words. */
export class AdminRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AdminRefusal';
  }
}

/** A token is asked for again this long before it expires: a long command (a followed feed) outlives one. */
const RENEW_BEFORE_SECONDS = 60;

export interface ClientOptions {
  /**
   * The scopes the token is asked with: lintas.admin unless given. An agency's own routes (an RSJ's
   * webhook subscriptions) need none, its agency kind decides; and a client that is no admin's may
   * not even ask for lintas.admin.
   */
  scopes?: readonly string[];
}

/**
 * The admin APIs (the identity app's, the services'), called with an admin client's token (client
 * credentials, scope lintas.admin; the tokens' audience is every service's). With `scopes: []`,
 * an agency's own routes, with its client's token.
 */
export class AdminClient {
  private token?: Promise<{ value: string; renewAt: number }>;
  private readonly scopes: readonly string[];

  constructor(
    private readonly issuer: string,
    private readonly clientId: string,
    private readonly secret: string,
    options: ClientOptions = {},
  ) {
    this.scopes = options.scopes ?? [ADMIN_SCOPE];
  }

  /** The identity app's admin API. */
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    return this.callAt(this.issuer, method, path, body);
  }

  /**
   * A service's API (the audit service's, a domain service's admin routes), with the same admin token.
   * With `accept` (e.g. `text/csv`), a success is answered as the body's text, as the service wrote it.
   */
  async callAt(
    base: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    { accept }: { accept?: string } = {},
  ): Promise<unknown> {
    const response = await fetch(`${base.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.accessToken()}`,
        ...(accept !== undefined && { accept }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        // The services take each write once per key; a command run is one write.
        ...(method === 'POST' && { 'idempotency-key': randomUUID() }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    // A refusal is problem+json whatever was asked for.
    if (accept !== undefined && response.ok) return response.text();
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) {
      const fields = Array.isArray(answer.errors)
        ? ` (${(answer.errors as { field: string; messages: string[] }[]).map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ')})`
        : '';
      throw new AdminRefusal(response.status, `${response.status} ${String(answer.detail ?? answer.title)}${fields}`);
    }
    return answer;
  }

  private async accessToken(): Promise<string> {
    this.token ??= this.requestToken();
    const token = await this.token.catch((error: unknown) => {
      // Not kept: a command that tries again (a followed feed) asks again.
      this.token = undefined;
      throw error;
    });
    if (Date.now() < token.renewAt) return token.value;
    this.token = undefined;
    return this.accessToken();
  }

  private async requestToken(): Promise<{ value: string; renewAt: number }> {
    const response = await fetch(`${this.issuer.replace(/\/$/, '')}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${this.clientId}:${this.secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        ...(this.scopes.length > 0 && { scope: this.scopes.join(' ') }),
      }),
    });
    const answer = (await response.json()) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || !answer.access_token) {
      const which = this.scopes.includes(ADMIN_SCOPE) ? 'admin token' : 'token';
      throw new AdminRefusal(response.status, `no ${which}: ${answer.error} ${answer.error_description ?? ''}`.trim());
    }
    const lifetime = answer.expires_in;
    // Half a short life, so that a token of a minute or less is not asked for again at every call.
    const renewIn = lifetime ? Math.max(lifetime - RENEW_BEFORE_SECONDS, lifetime / 2) * 1000 : Infinity;
    return { value: answer.access_token, renewAt: Date.now() + renewIn };
  }
}
