import { hkdfSync } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import Provider, {
  errors,
  interactionPolicy,
  type Account,
  type Adapter,
  type AdapterPayload,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { ADMIN_SCOPE } from '@lintas/platform/http/agency/agency-token';
import { MemoryProviderState, stateKey, withoutId, type ProviderStateStore } from './provider-state';
import { secretMatches } from './register/client-secret';
import { errorPage, localeOf, PAGE_HEADERS, signedOutPage, signOutPage } from './sign-in/pages';
import { INTERACTION_PATH, signInRoutes, type SignInEvent } from './sign-in/sign-in-routes';
import type { SignInAttempts } from './sign-in/sign-in-attempts';
import type { IdentityUser, UserDirectory } from './users';

type SigningAlgorithm = 'ES256' | 'EdDSA';

/** The resource every Lintas service serves (RFC 8707): the `aud` of the tokens they take. */
export const IDENTITY_AUDIENCE = 'urn:lintas:api';
/**
 * The scopes an installation grants. Agency kind and region decide most of what a client may do;
 * a scope adds what no kind implies: administering Lintas.
 */
export const LINTAS_SCOPES = [ADMIN_SCOPE];
/** Lintas' bound on an access token's life; the services refuse longer ones. */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 10 * 60;
/**
 * A person's sign-in at the provider lasts a working day at most, and so do the refresh tokens an
 * application gets with it: they end with the sign-in (logout, or these 8 hours), and a disabled
 * user's are refused at their next use.
 */
export const SIGN_IN_SESSION_SECONDS = 8 * 60 * 60;
/** How long the login page of one authorization request may stay open. */
const INTERACTION_SECONDS = 15 * 60;
/** The scopes of the OpenID layer, beside the resource's (LINTAS_SCOPES): a person's ID token, their name. */
const OPENID_SCOPES = ['openid', 'profile'];

/** What a client does: its agency's system by client credentials, or Lintas' own application for people. */
export const GRANT_TYPES = ['client_credentials', 'authorization_code', 'refresh_token'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/**
 * An agency's system as the provider knows it: how it proves itself and the agency it speaks for.
 * A client authenticates with a secret (client_secret_basic), of which only hashes are known — two
 * while a rotation overlaps — or with a JWT signed by one of its own keys (private_key_jwt, RFC
 * 7523), so that no secret exists at all.
 */
export interface IdentityClient {
  clientId: string;
  /** SHA-256 (hex) of each secret that is valid now; empty for a private_key_jwt client. */
  secretHashes: string[];
  /** When the newest secret expires, in seconds since the epoch. */
  secretExpiresAt?: number;
  /** Public JWKs for private_key_jwt; when given, a secret is not accepted. */
  publicKeys?: JWK[];
  agencyId: string;
  agencyKind: string;
  regionCode: string;
  /** The scopes it may be granted; none is a client that may call with its agency kind alone. */
  scopes: string[];
  /**
   * The agencies whose parent office is this client's agency (a provincial office's UPTs and
   * kab/kota offices), from the register at each token: the token's `supervised_agencies`.
   */
  supervisedAgencyIds?: string[];
  /**
   * client_credentials unless given. A client people sign in through (the admin console) has
   * authorization_code, with PKCE, and maybe refresh_token; its tokens carry the person's agency,
   * never its own.
   */
  grantTypes?: GrantType[];
  /** Where an authorization answers (authorization_code only), exactly as registered. */
  redirectUris?: string[];
  /** Where a sign-out may send the browser back to. */
  postLogoutRedirectUris?: string[];
}

/** Where the provider looks a client up, at every request: a revoked client is gone at once. */
export interface ClientDirectory {
  find(clientId: string): IdentityClient | undefined | Promise<IdentityClient | undefined>;
  /**
   * Clients revoked within the longest life of a token, with when: their tokens still unexpired
   * are refused by the services, which read this list (see REVOKED_CLIENTS_PATH).
   */
  revoked?(): RevokedClient[] | Promise<RevokedClient[]>;
}

export interface RevokedClient {
  clientId: string;
  /** Seconds since the epoch: every token of the client issued before then is void. */
  revokedAt: number;
}

/**
 * Where the provider lists revoked clients (not an OpenID standard: discovery names it as
 * `lintas_revoked_clients_uri`). An issuer without it (Keycloak) revokes by its own means; its
 * tokens then live out their at most 15 minutes.
 */
export const REVOKED_CLIENTS_PATH = '/revoked-clients';

export interface IdentityProviderOptions {
  issuer: string;
  audience?: string;
  clients: ClientDirectory;
  /** The people who sign in (authorization code); none without it. */
  users?: UserDirectory;
  /**
   * Where sessions, codes, grants and refresh tokens are kept: shared by every instance of the
   * identity app (the register's table), or this process's memory when not given.
   */
  state?: ProviderStateStore;
  /** Failed sign-ins counted per user id (a fresh count unless given). */
  signInAttempts?: SignInAttempts;
  /** Told of every sign-in, refused or not, for the log. */
  onSignIn?: (event: SignInEvent) => void;
  /** The scopes there are (LINTAS_SCOPES unless given); a client is granted only its own. */
  scopes?: readonly string[];
  /**
   * Private signing keys (ES256 or EdDSA, each with a `kid`): the first signs, all are published,
   * so that a new key is published before it signs and an old one stays until its tokens expired.
   */
  signingKeys: JWK[];
  accessTokenTtlSeconds?: number;
}

export interface RunningIdentityProvider {
  readonly issuer: string;
  stop(): Promise<void>;
}

/**
 * An OAuth 2.0 authorization server for agencies' systems and the people of agencies, built on
 * oidc-provider (OpenID certified) rather than by hand. Systems get tokens by client credentials
 * (RFC 6749 §4.4); people sign in through Lintas' own applications by authorization code with PKCE
 * (S256 only), on the identity app's own login page. Every access token is a JWT (RFC 9068) for
 * the one Lintas audience, carrying an agency's id, kind and region and the agencies it is the
 * parent office of: the client's agency, or the signed-in person's with their `user_id`.
 */
export function createIdentityProvider(options: IdentityProviderOptions): Provider {
  const audience = options.audience ?? IDENTITY_AUDIENCE;
  const ttl = options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  if (ttl > MAX_ACCESS_TOKEN_TTL_SECONDS) {
    throw new Error(`access tokens may live ${MAX_ACCESS_TOKEN_TTL_SECONDS} s at most, not ${ttl}`);
  }
  if (options.signingKeys.length === 0) throw new Error('the identity provider needs a signing key');
  const signingAlg: SigningAlgorithm = options.signingKeys[0]?.alg === 'EdDSA' ? 'EdDSA' : 'ES256';
  const resourceScopes = [...(options.scopes ?? LINTAS_SCOPES)];
  const users = options.users;
  const findUser = async (userId: string): Promise<IdentityUser | undefined> => users?.findUser(userId);

  const policy = interactionPolicy.base();
  // A session whose user was disabled since (or whose agency left the register) signs in again:
  // without this the provider would go on to issue a code for an account it cannot find.
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check(
        'user_gone',
        'the signed-in user may no longer sign in',
        (ctx) => Boolean(ctx.oidc.session?.accountId) && !ctx.oidc.account,
      ),
      0,
    );

  const configuration: Configuration = {
    adapter: providerAdapter(options.clients, options.state ?? new MemoryProviderState(), signingAlg, resourceScopes),
    jwks: { keys: options.signingKeys },
    scopes: [...resourceScopes, ...OPENID_SCOPES],
    // What an ID token tells the application to show, with `openid` alone: who signed in, for
    // which agency, in which role. `profile` is there for applications that ask for it.
    claims: { openid: ['sub', 'name', 'role', 'agency_id', 'agency_name'], profile: ['name'] },
    responseTypes: ['code'],
    // Every authorization request proves it is the one that asked (RFC 7636); only S256 exists.
    pkce: { required: () => true },
    findAccount: async (_ctx, sub) => accountOf(await findUser(sub)),
    // Consent is never asked: every client people sign in through is Lintas' own, registered by
    // its admins. The grant holds what the request asks that the person may have.
    loadExistingGrant: (ctx) => firstPartyGrant(ctx, audience, resourceScopes, findUser),
    // Only with a person's sign-in, and bound to it (no offline_access): a sign-out or the end of
    // the working day ends them.
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && ['AuthorizationCode', 'RefreshToken'].includes(code.kind),
    // A used refresh token is replaced, and one used twice revokes its grant: a stolen copy shows.
    rotateRefreshToken: true,
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`, policy },
    ttl: {
      // The resource server's accessTokenTTL decides; set here too, or the library prints a
      // plain-text notice (not a JSON line) at the first token.
      ClientCredentials: ttl,
      AccessToken: ttl,
      AuthorizationCode: 60,
      IdToken: ttl,
      Interaction: INTERACTION_SECONDS,
      Session: SIGN_IN_SESSION_SECONDS,
      Grant: SIGN_IN_SESSION_SECONDS,
      // A rotated refresh token lives what was left of the one it replaced: 8 hours in all.
      RefreshToken: (ctx) => {
        const rotated = (ctx?.oidc?.entities as { RotatedRefreshToken?: { remainingTTL: number } } | undefined)
          ?.RotatedRefreshToken;
        return rotated ? rotated.remainingTTL : SIGN_IN_SESSION_SECONDS;
      },
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // The access tokens are for the Lintas resource, not for userinfo: the ID token carries the name.
      userinfo: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          page(ctx, 200, signOutPage(localeOf(String(ctx.oidc.params?.ui_locales ?? '')), form));
        },
        postLogoutSuccessSource: async (ctx) => {
          page(ctx, 200, signedOutPage(localeOf(String(ctx.oidc.params?.ui_locales ?? ''))));
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: async (ctx, resource, client) => {
          if (resource !== audience) throw new errors.InvalidTarget();
          // oidc-provider would quietly leave out a scope the client may not have; saying so helps
          // the agency's developer more than a token that then fails at the service.
          const own = String(client.scope ?? '').split(' ');
          const requested = String(ctx.oidc.params?.scope ?? '')
            .split(' ')
            .filter(Boolean);
          const foreign = requested.filter((scope) => !own.includes(scope));
          if (foreign.length > 0)
            throw new errors.InvalidScope('the client may not have this scope', foreign.join(' '));
          return {
            audience,
            scope: own.filter((scope) => resourceScopes.includes(scope)).join(' '),
            accessTokenTTL: ttl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: signingAlg } },
          };
        },
      },
    },
    extraTokenClaims: async (_ctx, token) => {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      if (typeof accountId === 'string') {
        // A person's token speaks for their agency, whatever the application's own agency.
        const user = await findUser(accountId);
        if (!user) throw new errors.InvalidGrant('the user may no longer sign in');
        return {
          ...agencyClaims(user.agencyId, user.agencyKind, user.regionCode, user.supervisedAgencyIds),
          user_id: user.userId,
        };
      }
      const clientId = 'clientId' in token ? token.clientId : undefined;
      const client = typeof clientId === 'string' ? await options.clients.find(clientId) : undefined;
      if (!client) return undefined;
      return agencyClaims(client.agencyId, client.agencyKind, client.regionCode, client.supervisedAgencyIds);
    },
    // A secret (header or form), or a JWT signed with the client's own key; client_secret_jwt would
    // need the secret itself as an HMAC key, and only its hash is known here.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    enabledJWA: { clientAuthSigningAlgValues: ['ES256', 'EdDSA'] },
    ...((options.clients.revoked || users?.revokedUsers) && {
      discovery: { lintas_revoked_clients_uri: `${options.issuer}${REVOKED_CLIENTS_PATH}` },
    }),
    clientDefaults: {
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    // Every instance of the identity app signs and reads the same cookies: the keys come from the
    // signing keys they share, the first signing, all reading (a rotation keeps sessions).
    cookies: { keys: cookieKeys(options.signingKeys) },
    renderError: async (ctx, out) => {
      // Only for a browser (it asked for HTML): an authorization that cannot go back to its application.
      page(
        ctx,
        ctx.status,
        errorPage(localeOf(String(ctx.oidc?.params?.ui_locales ?? '')), {
          code: String(out.error),
          ...(out.error_description && { description: String(out.error_description) }),
        }),
      );
    },
  };
  const provider = new Provider(options.issuer, configuration);
  // The directory holds hashes of the client's valid secrets, not the secrets: the adapter hands
  // them to the library as the client's "secret", and the comparison hashes what was presented.
  provider.Client.prototype.compareClientSecret = function compareClientSecret(
    this: { clientSecret?: string },
    actual,
  ) {
    return secretMatches(String(actual), (this.clientSecret ?? '').split(' ').filter(Boolean));
  };
  provider.use(signInRoutes(provider, users, { attempts: options.signInAttempts, onEvent: options.onSignIn }));
  const listRevoked = options.clients.revoked?.bind(options.clients);
  const listRevokedUsers = users?.revokedUsers?.bind(users);
  if (listRevoked || listRevokedUsers) {
    provider.use(async (ctx, next) => {
      if (ctx.path !== REVOKED_CLIENTS_PATH) return next();
      if (ctx.method !== 'GET') {
        ctx.status = 405;
        ctx.set('allow', 'GET');
        return;
      }
      ctx.type = 'application/json';
      // Read again by each service every few seconds; a cache would delay a revocation.
      ctx.set('cache-control', 'no-store');
      ctx.body = {
        clients: (await listRevoked?.()) ?? [],
        ...(listRevokedUsers && { users: await listRevokedUsers() }),
      };
    });
  }
  return provider;
}

function agencyClaims(
  agencyId: string,
  agencyKind: string,
  regionCode: string,
  supervised: string[] = [],
): Record<string, unknown> {
  return {
    agency_id: agencyId,
    agency_kind: agencyKind,
    region_code: regionCode,
    // The services read the relationship from here and never ask the register: a change reaches
    // them with the agency's next token, at most a token's life (15 minutes) later.
    ...(supervised.length > 0 && { supervised_agencies: supervised }),
  };
}

function accountOf(user: IdentityUser | undefined): Account | undefined {
  if (!user) return undefined;
  return {
    accountId: user.userId,
    claims: () => ({
      sub: user.userId,
      name: user.name,
      role: user.role,
      agency_id: user.agencyId,
      agency_name: user.agencyName,
    }),
  };
}

/**
 * The grant of an authorization by a signed-in person: the OpenID scopes asked for, and of the
 * resource's scopes those the person may have (`lintas.admin` for an admin only; refused, not
 * asked about, for anyone else). Kept with the sign-in, so that its refresh tokens end with it.
 */
async function firstPartyGrant(
  ctx: KoaContextWithOIDC,
  audience: string,
  resourceScopes: readonly string[],
  findUser: (userId: string) => Promise<IdentityUser | undefined>,
) {
  const { oidc } = ctx;
  const client = oidc.client;
  const accountId = oidc.account?.accountId;
  if (!client || !accountId) return undefined;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(client.clientId);
  const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
  const grant =
    existing && existing.accountId === accountId && existing.clientId === client.clientId
      ? existing
      : new oidc.provider.Grant({ clientId: client.clientId, accountId });
  const requested = [...(oidc.requestParamScopes ?? new Set<string>())];
  const openid = requested.filter((scope) => OPENID_SCOPES.includes(scope));
  if (openid.length > 0) grant.addOIDCScope(openid);
  const user = await findUser(accountId);
  const wanted = requested.filter((scope) => resourceScopes.includes(scope));
  const allowed = wanted.filter(
    (scope) => scope === ADMIN_SCOPE && user?.role === 'admin' && user.agencyKind === 'admin',
  );
  const refused = wanted.filter((scope) => !allowed.includes(scope));
  // The provider counts the resource's scopes among its own (`scopes`), so the grant answers for
  // them on both sides, or it would ask for consent.
  if (allowed.length > 0) {
    grant.addResourceScope(audience, allowed);
    grant.addOIDCScope(allowed);
  }
  if (refused.length > 0) {
    grant.rejectResourceScope(audience, refused);
    grant.rejectOIDCScope(refused);
  }
  await grant.save();
  return grant;
}

/** A page of the provider's own (sign-out, signed out, an error) with the sign-in pages' headers. */
function page(ctx: KoaContextWithOIDC, status: number, html: string): void {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
  ctx.status = status;
  ctx.type = 'html';
  ctx.body = html;
}

/** Cookie keys derived (HKDF) from the private signing keys, one each, in their order. */
function cookieKeys(signingKeys: JWK[]): string[] {
  return signingKeys.map((key) =>
    Buffer.from(hkdfSync('sha256', String(key.d), 'lintas-identity', `cookies:${key.kid ?? ''}`, 32)).toString(
      'base64url',
    ),
  );
}

/** Requests served beside the provider's (the admin API); answers false for one it does not serve. */
export type ExtraRoutes = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/** The provider's request handler, with the extra routes (if any) asked first. */
export function identityRequestListener(provider: Provider, extra?: ExtraRoutes): RequestListener {
  const callback = provider.callback();
  return (request, response) => {
    if (!extra) return void callback(request, response);
    void extra(request, response).then((served) => {
      if (!served) void callback(request, response);
    });
  };
}

/** The provider on its own HTTP server, at the issuer's port, with any extra routes before it. */
export async function startIdentityProvider(
  options: IdentityProviderOptions & { host?: string; extraRoutes?: ExtraRoutes },
): Promise<RunningIdentityProvider> {
  const server = createServer(identityRequestListener(createIdentityProvider(options), options.extraRoutes));
  const url = new URL(options.issuer);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(url.port || 80), options.host ?? url.hostname, resolve);
  });
  // A test process may leave it open: it must not keep the process alive.
  server.unref();
  const port = (server.address() as AddressInfo).port;
  return {
    issuer: options.issuer.replace(/:\d+$/, `:${port}`),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * How oidc-provider finds what it keeps: clients from the directory, looked up at each request (a
 * revoked client is gone at once); everything else (sessions, interactions, grants, codes, refresh
 * tokens, replay marks) in the state store, under a hash of its id.
 */
function providerAdapter(
  clients: ClientDirectory,
  state: ProviderStateStore,
  signingAlg: SigningAlgorithm,
  resourceScopes: readonly string[],
): new (model: string) => Adapter {
  return class ProviderAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') return clientMetadata(await clients.find(id), signingAlg, resourceScopes);
      const payload = await state.find(this.model, stateKey(id));
      return payload && { ...payload, jti: id };
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      await state.upsert(this.model, stateKey(id), {
        payload: withoutId(payload),
        expiresAt: new Date(Date.now() + expiresIn * 1000),
        ...(typeof payload.grantId === 'string' && { grantId: payload.grantId }),
        ...(typeof payload.uid === 'string' && { uid: payload.uid }),
      });
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return state.findByUid(this.model, uid);
    }

    async destroy(id: string): Promise<void> {
      await state.destroy(this.model, stateKey(id));
    }

    async consume(id: string): Promise<void> {
      await state.consume(this.model, stateKey(id), Math.floor(Date.now() / 1000));
    }

    async findByUserCode(): Promise<undefined> {
      return undefined;
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await state.revokeByGrantId(this.model, grantId);
    }
  };
}

function clientMetadata(
  client: IdentityClient | undefined,
  signingAlg: SigningAlgorithm,
  resourceScopes: readonly string[],
): AdapterPayload | undefined {
  if (!client) return undefined;
  const byKey = (client.publicKeys?.length ?? 0) > 0;
  if (!byKey && client.secretHashes.length === 0) return undefined;
  const grantTypes = client.grantTypes ?? ['client_credentials'];
  const forPeople = grantTypes.includes('authorization_code');
  const scopes = [
    ...(forPeople ? OPENID_SCOPES : []),
    ...client.scopes.filter((scope) => resourceScopes.includes(scope)),
  ];
  return {
    client_id: client.clientId,
    ...(byKey
      ? { jwks: { keys: client.publicKeys ?? [] }, token_endpoint_auth_method: 'private_key_jwt' }
      : {
          client_secret: client.secretHashes.join(' '),
          ...(client.secretExpiresAt !== undefined && { client_secret_expires_at: client.secretExpiresAt }),
          token_endpoint_auth_method: 'client_secret_basic',
        }),
    grant_types: grantTypes,
    response_types: forPeople ? ['code'] : [],
    redirect_uris: forPeople ? (client.redirectUris ?? []) : [],
    post_logout_redirect_uris: forPeople ? (client.postLogoutRedirectUris ?? []) : [],
    // The default, RS256, has no key here.
    id_token_signed_response_alg: signingAlg,
    ...(scopes.length > 0 && { scope: scopes.join(' ') }),
  };
}
