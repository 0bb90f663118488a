import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** What the console needs of the issuer's discovery document (OpenID Connect Discovery 1.0). */
interface Discovered {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  keys: JWTVerifyGetKey;
}

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  /** Unset: a public client, which proves itself by PKCE alone. */
  clientSecret?: string;
  redirectUri: string;
  /** Where the issuer sends the browser after signing out there too. */
  postLogoutRedirectUri: string;
  scopes: string;
  /** The resource (RFC 8707) the access token is for: the services' audience. */
  resource: string;
}

/** What one sign-in started with, kept in the session until the issuer sends the browser back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  startedAt: number;
}

/** A token response as the console keeps it: only ever in the server-side session. */
export interface TokenSet {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  refreshToken?: string;
  idToken?: string;
}

/** The issuer refused or could not be reached; the message names the step, never a token. */
export class SignInFailed extends Error {
  constructor(
    readonly step: string,
    readonly reason: string,
  ) {
    super(`sign-in failed at ${step}: ${reason}`);
    this.name = 'SignInFailed';
  }
}

// Only asymmetric signatures: an HMAC-signed ID token would be signed with the client secret,
// which a public client does not have and a confidential one should not have to trust for this.
const ID_TOKEN_ALGORITHMS = ['ES256', 'ES384', 'EdDSA', 'RS256', 'PS256'];
const ISSUER_TIMEOUT_MS = 10_000;

const randomToken = (): string => randomBytes(32).toString('base64url');

/**
 * The console as an OAuth 2.0 client of the identity provider for people (backend for frontend):
 * authorization code with PKCE (S256, RFC 7636), state and nonce; the code is exchanged here, on
 * the server, so that no token ever reaches the browser. Endpoints come from discovery.
 */
export class OidcClient {
  private discovered?: Promise<Discovered>;

  constructor(
    private readonly settings: OidcClientSettings,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  /** A new sign-in's secrets: the browser only ever sees the state and the S256 challenge. */
  startSignIn(returnTo: string): PendingSignIn {
    return {
      state: randomToken(),
      nonce: randomToken(),
      codeVerifier: randomToken(),
      returnTo,
      startedAt: Date.now(),
    };
  }

  /** Where to send the browser; `uiLocales` asks the issuer's login page to speak the console's language. */
  async authorizationUrl(pending: PendingSignIn, uiLocales: string): Promise<string> {
    const { authorizationEndpoint } = await this.discovery();
    const url = new URL(authorizationEndpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.settings.clientId,
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: createHash('sha256').update(pending.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
      resource: this.settings.resource,
      ui_locales: uiLocales,
    }).toString();
    return url.toString();
  }

  /** The code the issuer sent back, exchanged for tokens; the ID token checked against the nonce. */
  async exchangeCode(code: string, pending: PendingSignIn): Promise<{ tokens: TokenSet; idClaims: JWTPayload }> {
    const tokens = await this.tokenRequest('code exchange', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.settings.redirectUri,
      code_verifier: pending.codeVerifier,
      resource: this.settings.resource,
    });
    if (!tokens.idToken) throw new SignInFailed('code exchange', 'the issuer sent no ID token');
    const idClaims = await this.verifyIdToken(tokens.idToken, pending.nonce);
    return { tokens, idClaims };
  }

  /** New tokens for a session whose access token is about to expire; the refresh token may rotate. */
  async refresh(refreshToken: string): Promise<TokenSet> {
    const tokens = await this.tokenRequest('refresh', {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      resource: this.settings.resource,
    });
    return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
  }

  /** Where to send the browser to end the session at the issuer too, if the issuer has such an endpoint. */
  async endSessionUrl(idToken: string | undefined, uiLocales: string): Promise<string | undefined> {
    const { endSessionEndpoint } = await this.discovery();
    if (!endSessionEndpoint) return undefined;
    const url = new URL(endSessionEndpoint);
    url.searchParams.set('client_id', this.settings.clientId);
    url.searchParams.set('ui_locales', uiLocales);
    if (idToken) {
      url.searchParams.set('id_token_hint', idToken);
      // Registered with the client (the console's start page): a post-logout redirect needs the ID token.
      url.searchParams.set('post_logout_redirect_uri', this.settings.postLogoutRedirectUri);
    }
    return url.toString();
  }

  /** Whether discovery answers: the console's readiness. */
  async reachable(): Promise<boolean> {
    return this.discovery().then(
      () => true,
      () => false,
    );
  }

  private async verifyIdToken(idToken: string, nonce: string): Promise<JWTPayload> {
    const { keys } = await this.discovery();
    try {
      const { payload } = await jwtVerify(idToken, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.clientId,
        algorithms: ID_TOKEN_ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
        clockTolerance: 30,
      });
      if (payload.nonce !== nonce) throw new SignInFailed('ID token', 'the nonce is not the one of this sign-in');
      return payload;
    } catch (error) {
      if (error instanceof SignInFailed) throw error;
      throw new SignInFailed('ID token', error instanceof Error ? error.message : 'not verifiable');
    }
  }

  private async tokenRequest(step: string, parameters: Record<string, string>): Promise<TokenSet> {
    const { tokenEndpoint } = await this.discovery();
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    const body = new URLSearchParams(parameters);
    if (this.settings.clientSecret) {
      // RFC 6749 §2.3.1: both parts form-encoded before Basic, as a strict issuer expects.
      const user = encodeURIComponent(this.settings.clientId);
      const password = encodeURIComponent(this.settings.clientSecret);
      headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    } else {
      body.set('client_id', this.settings.clientId);
    }
    let response: Response;
    try {
      response = await this.fetchFn(tokenEndpoint, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(ISSUER_TIMEOUT_MS),
      });
    } catch {
      throw new SignInFailed(step, 'the issuer did not answer');
    }
    const answer = (await response.json().catch(() => ({}))) as {
      access_token?: unknown;
      expires_in?: unknown;
      refresh_token?: unknown;
      id_token?: unknown;
      error?: unknown;
    };
    if (!response.ok || typeof answer.access_token !== 'string') {
      throw new SignInFailed(step, `the issuer answered ${response.status} ${String(answer.error ?? '')}`.trim());
    }
    return {
      accessToken: answer.access_token,
      expiresAt: Date.now() + expiresInSeconds(answer.expires_in, answer.access_token) * 1_000,
      ...(typeof answer.refresh_token === 'string' && { refreshToken: answer.refresh_token }),
      ...(typeof answer.id_token === 'string' && { idToken: answer.id_token }),
    };
  }

  private discovery(): Promise<Discovered> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      // Not kept: the issuer may still be starting, the next request asks again.
      this.discovered = undefined;
      throw error;
    });
    return this.discovered;
  }

  private async discover(): Promise<Discovered> {
    const url = `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let response: Response;
    try {
      response = await this.fetchFn(url, { signal: AbortSignal.timeout(ISSUER_TIMEOUT_MS) });
    } catch {
      throw new SignInFailed('discovery', `${url} did not answer`);
    }
    if (!response.ok) throw new SignInFailed('discovery', `${url} answered ${response.status}`);
    const document = (await response.json()) as Record<string, unknown>;
    // OpenID Connect Discovery §4.3: a document naming another issuer is not this issuer's.
    if (document.issuer !== this.settings.issuer) throw new SignInFailed('discovery', `${url} names another issuer`);
    const { authorization_endpoint, token_endpoint, jwks_uri, end_session_endpoint } = document;
    if (typeof authorization_endpoint !== 'string' || typeof token_endpoint !== 'string') {
      throw new SignInFailed('discovery', `${url} names no authorization or token endpoint`);
    }
    if (typeof jwks_uri !== 'string') throw new SignInFailed('discovery', `${url} names no jwks_uri`);
    const methods = document.code_challenge_methods_supported;
    if (Array.isArray(methods) && !methods.includes('S256')) {
      throw new SignInFailed('discovery', 'the issuer does not support PKCE with S256');
    }
    return {
      authorizationEndpoint: authorization_endpoint,
      tokenEndpoint: token_endpoint,
      ...(typeof end_session_endpoint === 'string' && { endSessionEndpoint: end_session_endpoint }),
      keys: createRemoteJWKSet(new URL(jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }),
    };
  }
}

/** `expires_in` as sent, else the access token's own `exp`, else a short minute to be safe. */
function expiresInSeconds(expiresIn: unknown, accessToken: string): number {
  if (typeof expiresIn === 'number' && expiresIn > 0) return expiresIn;
  try {
    const { exp } = decodeJwt(accessToken);
    if (typeof exp === 'number') return Math.max(0, exp - Math.floor(Date.now() / 1000));
  } catch {
    // an opaque token: the issuer did not say, so it is renewed soon
  }
  return 60;
}
