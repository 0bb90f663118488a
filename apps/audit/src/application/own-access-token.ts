import { Inject, Injectable } from '@nestjs/common';
import { ServiceEnv } from '@lintas/platform/config/service-env';

/** Renewed this long before it expires, so that a slow verification never starts on a token about to lapse. */
const RENEW_BEFORE_SECONDS = 60;

/**
 * The audit service's own access token, by client credentials (RFC 6749 §4.4) at the issuer's
 * token endpoint (found through its discovery document, as any OpenID issuer serves it). With it
 * the scheduled verification covers every service's store, not only the audit's own. The client is
 * one of the register's, like every agency's: it expires and can be revoked, and no other service
 * knows its secret. Without AUDIT_CLIENT_ID and AUDIT_CLIENT_SECRET there is no token and the
 * schedule covers the audit store and the ledger only.
 */
@Injectable()
export class OwnAccessToken {
  private cached?: { token: string; renewAt: number };
  private pending?: Promise<string>;

  constructor(@Inject(ServiceEnv) private readonly env: ServiceEnv) {}

  get configured(): boolean {
    return Boolean(this.env.AUDIT_CLIENT_ID && this.env.AUDIT_CLIENT_SECRET);
  }

  /** `Bearer <token>`, fetched again shortly before it expires. */
  async authorization(): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return `Bearer ${this.cached.token}`;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return `Bearer ${await this.pending}`;
  }

  private async fetchToken(): Promise<string> {
    const { AUDIT_CLIENT_ID: clientId, AUDIT_CLIENT_SECRET: secret, IDENTITY_ISSUER: issuer } = this.env;
    if (!clientId || !secret) throw new Error('the audit service has no client (AUDIT_CLIENT_ID, AUDIT_CLIENT_SECRET)');
    const discovery = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const document = (await (await fetch(discovery, { signal: AbortSignal.timeout(10_000) })).json()) as {
      token_endpoint?: unknown;
    };
    if (typeof document.token_endpoint !== 'string')
      throw new Error(`discovery at ${discovery} names no token_endpoint`);
    const response = await fetch(document.token_endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'lintas.admin' }),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json()) as { access_token?: unknown; expires_in?: unknown; error?: unknown };
    if (!response.ok || typeof answer.access_token !== 'string') {
      // The issuer's error code only: never the secret, never the whole answer.
      throw new Error(`the issuer refused the audit client's token: ${response.status} ${String(answer.error ?? '')}`);
    }
    const lifetime = typeof answer.expires_in === 'number' ? answer.expires_in : 300;
    this.cached = {
      token: answer.access_token,
      renewAt: Date.now() + Math.max(0, lifetime - RENEW_BEFORE_SECONDS) * 1_000,
    };
    return answer.access_token;
  }
}
