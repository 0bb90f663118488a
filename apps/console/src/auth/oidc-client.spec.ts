import { createHash } from 'node:crypto';
import { OidcClient, SignInFailed } from './oidc-client';

const ISSUER = 'https://id.lintas.example';
const discovery = (overrides: Record<string, unknown> = {}) =>
  (async () =>
    new Response(
      JSON.stringify({
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/auth`,
        token_endpoint: `${ISSUER}/token`,
        jwks_uri: `${ISSUER}/jwks`,
        code_challenge_methods_supported: ['S256'],
        ...overrides,
      }),
    )) as unknown as typeof fetch;

const settings = {
  issuer: ISSUER,
  clientId: 'lintas-console',
  clientSecret: 'a-secret-of-sixteen-or-more',
  redirectUri: 'https://konsol.lintas.example/auth/callback',
  postLogoutRedirectUri: 'https://konsol.lintas.example/',
  scopes: 'openid lintas.admin',
  resource: 'urn:lintas:api',
};

describe('the OpenID client', () => {
  it('asks for a code with PKCE S256, state and nonce, and never sends the verifier', async () => {
    const client = new OidcClient(settings, discovery());
    const pending = client.startSignIn('/queues');
    const url = new URL(await client.authorizationUrl(pending, 'en'));
    expect(url.origin + url.pathname).toBe(`${ISSUER}/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'lintas-console',
      redirect_uri: settings.redirectUri,
      scope: 'openid lintas.admin',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: createHash('sha256').update(pending.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
      resource: 'urn:lintas:api',
      ui_locales: 'en',
    });
    expect(url.toString()).not.toContain(pending.codeVerifier);
    expect(pending.codeVerifier).toMatch(/^[\w-]{43}$/);
  });

  it('refuses an issuer whose discovery names another issuer, or no PKCE S256', async () => {
    const pending = new OidcClient(settings).startSignIn('/');
    await expect(
      new OidcClient(settings, discovery({ issuer: 'https://evil.example' })).authorizationUrl(pending, 'id'),
    ).rejects.toBeInstanceOf(SignInFailed);
    await expect(
      new OidcClient(settings, discovery({ code_challenge_methods_supported: ['plain'] })).authorizationUrl(
        pending,
        'id',
      ),
    ).rejects.toThrow('PKCE');
  });
});
