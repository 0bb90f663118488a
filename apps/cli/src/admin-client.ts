import { randomUUID } from 'node:crypto';
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

/**
 * The admin APIs (the identity app's, the services'), called with an admin client's token (client
 * credentials, scope lintas.admin; the tokens' audience is every service's).
 */
export class AdminClient {
  private token?: Promise<string>;

  constructor(
    private readonly issuer: string,
    private readonly clientId: string,
    private readonly secret: string,
  ) {}

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

  private accessToken(): Promise<string> {
    this.token ??= (async () => {
      const response = await fetch(`${this.issuer.replace(/\/$/, '')}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${this.clientId}:${this.secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'lintas.admin' }),
      });
      const answer = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
      if (!response.ok || !answer.access_token) {
        throw new AdminRefusal(
          response.status,
          `no admin token: ${answer.error} ${answer.error_description ?? ''}`.trim(),
        );
      }
      return answer.access_token;
    })();
    return this.token;
  }
}
