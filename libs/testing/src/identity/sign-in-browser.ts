import { createHash, randomBytes } from 'node:crypto';

/** Where one request of a sign-in ended: a page of the provider, or the redirect back to the application. */
export type SignInStep =
  { kind: 'page'; url: string; status: number; html: string } | { kind: 'redirect'; location: URL };

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scope?: string;
  state?: string;
  nonce?: string;
  /** The S256 challenge of `codeVerifier` unless given; `null` sends none. */
  codeChallenge?: string | null;
  codeChallengeMethod?: string;
  /** A verifier of the test's own; a new one when not given. */
  codeVerifier?: string;
  resource?: string;
  uiLocales?: string;
  prompt?: string;
}

export interface TokenAnswer {
  status: number;
  body: {
    access_token?: string;
    id_token?: string;
    refresh_token?: string;
    expires_in?: number;
    scope?: string;
    error?: string;
    error_description?: string;
  };
}

/** A PKCE verifier (RFC 7636 §4.1) and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * A browser, as far as a sign-in needs one, over HTTP only: it keeps the provider's cookies (by
 * name and path), follows its redirects, reads its forms and posts them, and stops where the
 * provider sends it back to the application, so that a test reads the code (or the error) there
 * without serving the redirect URI.
 */
export class SignInBrowser {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();
  /** The verifier of the last authorization request, for the code exchange. */
  codeVerifier = '';

  constructor(readonly issuer: string) {}

  /** Starts an authorization request (code flow, PKCE S256 unless told otherwise) and follows it. */
  async authorize(request: AuthorizationRequest): Promise<SignInStep> {
    const pkce = pkcePair();
    this.codeVerifier = request.codeVerifier ?? pkce.verifier;
    const challenge =
      request.codeChallenge === undefined
        ? request.codeVerifier === undefined
          ? pkce.challenge
          : createHash('sha256').update(request.codeVerifier).digest('base64url')
        : request.codeChallenge;
    const url = new URL(`${this.issuer}/auth`);
    const parameters: Record<string, string | undefined> = {
      response_type: 'code',
      client_id: request.clientId,
      redirect_uri: request.redirectUri,
      scope: request.scope ?? 'openid',
      state: request.state ?? randomBytes(16).toString('base64url'),
      nonce: request.nonce,
      code_challenge: challenge ?? undefined,
      code_challenge_method: challenge === null ? undefined : (request.codeChallengeMethod ?? 'S256'),
      resource: request.resource,
      ui_locales: request.uiLocales,
      prompt: request.prompt,
    };
    for (const [name, value] of Object.entries(parameters)) if (value !== undefined) url.searchParams.set(name, value);
    return this.go(url.toString());
  }

  /** GETs a URL of the provider (a page, a language switch) and follows it. */
  go(url: string): Promise<SignInStep> {
    return this.follow(url, { method: 'GET' });
  }

  /** Posts the page's form with the fields given (its hidden fields too), as a browser submits it. */
  async submit(step: SignInStep, fields: Record<string, string>, formIndex = 0): Promise<SignInStep> {
    if (step.kind !== 'page')
      throw new Error(`no page to submit a form of: the provider sent the browser to ${step.location}`);
    const form = [...step.html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)][formIndex];
    if (!form) throw new Error(`no form on the page at ${step.url}`);
    const action = /\baction="([^"]*)"/.exec(form[1] ?? '')?.[1] ?? step.url;
    const body = new URLSearchParams();
    for (const input of (form[2] ?? '').matchAll(/<input\b([^>]*)>/g)) {
      const attributes = input[1] ?? '';
      if (!/\btype="hidden"/.test(attributes)) continue;
      const name = /\bname="([^"]*)"/.exec(attributes)?.[1];
      if (name) body.set(name, unescape(/\bvalue="([^"]*)"/.exec(attributes)?.[1] ?? ''));
    }
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return this.follow(new URL(unescape(action), step.url).toString(), { method: 'POST', body });
  }

  /** The sign-out at the provider (end_session), confirmed on its page as a person would. */
  async signOut(idTokenHint?: string, postLogoutRedirectUri?: string): Promise<SignInStep> {
    const url = new URL(`${this.issuer}/session/end`);
    if (idTokenHint) url.searchParams.set('id_token_hint', idTokenHint);
    if (postLogoutRedirectUri) url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri);
    const confirm = await this.go(url.toString());
    if (confirm.kind !== 'page' || confirm.status !== 200) return confirm;
    return this.submit(confirm, { logout: 'yes' });
  }

  private async follow(url: string, init: { method: 'GET' | 'POST'; body?: URLSearchParams }): Promise<SignInStep> {
    let next: { url: string; method: 'GET' | 'POST'; body?: URLSearchParams } = { url, ...init };
    for (let hops = 0; hops < 10; hops += 1) {
      if (!next.url.startsWith(this.issuer)) return { kind: 'redirect', location: new URL(next.url) };
      const target = new URL(next.url);
      const headers: Record<string, string> = { accept: 'text/html' };
      const cookie = this.cookieHeader(target.pathname);
      if (cookie) headers.cookie = cookie;
      if (next.body) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(next.url, {
        method: next.method,
        headers,
        redirect: 'manual',
        ...(next.body && { body: next.body }),
      });
      this.keep(response.headers.getSetCookie(), target.pathname);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        next = { url: new URL(location, next.url).toString(), method: 'GET' };
        continue;
      }
      return { kind: 'page', url: next.url, status: response.status, html: await response.text() };
    }
    throw new Error(`more than 10 redirects from ${url}`);
  }

  private cookieHeader(path: string): string {
    return [...this.cookies.values()]
      .filter(
        (cookie) =>
          path === cookie.path || path.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`),
      )
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  private keep(setCookies: string[], requestPath: string): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      const attribute = (key: string) =>
        attributes.find((part) => part.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute('path') ?? requestPath.replace(/\/[^/]*$/, '') ?? '/';
      const expires = attribute('expires');
      const gone =
        value === '' || attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      if (gone) this.cookies.delete(`${name} ${path}`);
      else this.cookies.set(`${name} ${path}`, { name, value, path: path || '/' });
    }
  }
}

function unescape(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The code exchange at the token endpoint, as a confidential client (client_secret_basic). */
export async function exchangeCode(
  issuer: string,
  client: { clientId: string; secret: string },
  request: { code: string; redirectUri: string; codeVerifier?: string; resource?: string },
): Promise<TokenAnswer> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: request.code,
    redirect_uri: request.redirectUri,
  });
  if (request.codeVerifier !== undefined) form.set('code_verifier', request.codeVerifier);
  if (request.resource !== undefined) form.set('resource', request.resource);
  return tokenRequest(issuer, client, form);
}

/** A refresh at the token endpoint: the refresh token rotates. */
export function refresh(
  issuer: string,
  client: { clientId: string; secret: string },
  refreshToken: string,
  resource?: string,
): Promise<TokenAnswer> {
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
  if (resource !== undefined) form.set('resource', resource);
  return tokenRequest(issuer, client, form);
}

async function tokenRequest(
  issuer: string,
  client: { clientId: string; secret: string },
  form: URLSearchParams,
): Promise<TokenAnswer> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.secret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as TokenAnswer['body'] };
}

export interface SignedIn {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  expiresIn: number;
  scope?: string;
}

/** What the page says to the person (its alert), for a test's failure message. */
export function pageAlert(step: SignInStep): string | undefined {
  if (step.kind !== 'page') return undefined;
  return /role="alert">([^<]*)</.exec(step.html)?.[1];
}

/**
 * A whole sign-in as a person makes it, through an application's authorization request: the login
 * page, the form, a new password where one must be chosen (`newPassword`), the redirect back with
 * a code, and the application's code exchange with its verifier.
 */
export async function signInAs(
  issuer: string,
  client: { clientId: string; secret: string; redirectUri: string },
  user: { userId: string; password: string },
  options: { scope?: string; resource?: string; uiLocales?: string; newPassword?: string } = {},
): Promise<SignedIn> {
  const browser = new SignInBrowser(issuer);
  const state = randomBytes(16).toString('base64url');
  const login = await browser.authorize({
    clientId: client.clientId,
    redirectUri: client.redirectUri,
    state,
    ...(options.scope !== undefined && { scope: options.scope }),
    ...(options.resource !== undefined && { resource: options.resource }),
    ...(options.uiLocales !== undefined && { uiLocales: options.uiLocales }),
  });
  let step = await browser.submit(login, { userId: user.userId, password: user.password });
  if (step.kind === 'page' && step.status === 200 && options.newPassword !== undefined) {
    step = await browser.submit(step, { newPassword: options.newPassword, repeatPassword: options.newPassword });
  }
  if (step.kind !== 'redirect') {
    throw new Error(
      `${user.userId} was not signed in: ${step.status} at ${step.url}: ${pageAlert(step) ?? step.html.slice(0, 300)}`,
    );
  }
  const code = step.location.searchParams.get('code');
  if (step.location.searchParams.get('state') !== state || !code) {
    throw new Error(
      `${user.userId} was not signed in: ${step.location.searchParams.get('error')} ${step.location.searchParams.get('error_description') ?? ''}`,
    );
  }
  const answer = await exchangeCode(issuer, client, {
    code,
    redirectUri: client.redirectUri,
    codeVerifier: browser.codeVerifier,
    ...(options.resource !== undefined && { resource: options.resource }),
  });
  const { access_token: accessToken, id_token: idToken, refresh_token: refreshToken } = answer.body;
  if (answer.status !== 200 || !accessToken || !idToken) {
    throw new Error(
      `the code of ${user.userId} gave no tokens: ${answer.status} ${answer.body.error} ${answer.body.error_description ?? ''}`,
    );
  }
  return {
    accessToken,
    idToken,
    ...(refreshToken !== undefined && { refreshToken }),
    expiresIn: answer.body.expires_in ?? 0,
    ...(answer.body.scope !== undefined && { scope: answer.body.scope }),
  };
}
