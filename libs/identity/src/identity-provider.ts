import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import { secretMatches } from './register/client-secret';
import Provider, { errors, type Adapter, type AdapterPayload, type Configuration } from 'oidc-provider';

type SigningAlgorithm = 'ES256' | 'EdDSA';

/** The resource every Lintas service serves (RFC 8707): the `aud` of the tokens they take. */
export const IDENTITY_AUDIENCE = 'urn:lintas:api';
/**
 * The scopes an installation grants. Agency kind and region decide most of what a client may do;
 * a scope adds what no kind implies: administering Lintas.
 */
export const LINTAS_SCOPES = ['lintas.admin'];
/** Lintas' bound on an access token's life; the services refuse longer ones. */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 10 * 60;

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
 * An OAuth 2.0 authorization server for agencies' systems, built on oidc-provider (OpenID
 * certified) rather than by hand: client credentials only (RFC 6749 §4.4), JWT access tokens
 * (RFC 9068) for the one Lintas audience, carrying the agency's id, kind and region, and the
 * agencies it is the parent office of, if any.
 */
export function createIdentityProvider(options: IdentityProviderOptions): Provider {
  const audience = options.audience ?? IDENTITY_AUDIENCE;
  const ttl = options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  if (ttl > MAX_ACCESS_TOKEN_TTL_SECONDS) {
    throw new Error(`access tokens may live ${MAX_ACCESS_TOKEN_TTL_SECONDS} s at most, not ${ttl}`);
  }
  if (options.signingKeys.length === 0) throw new Error('the identity provider needs a signing key');
  const signingAlg: SigningAlgorithm = options.signingKeys[0]?.alg === 'EdDSA' ? 'EdDSA' : 'ES256';
  const configuration: Configuration = {
    adapter: directoryAdapter(options.clients, signingAlg),
    jwks: { keys: options.signingKeys },
    scopes: [...(options.scopes ?? LINTAS_SCOPES)],
    // The resource server's accessTokenTTL decides; set here too, or the library prints a
    // plain-text notice (not a JSON line) at the first token.
    ttl: { ClientCredentials: ttl },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
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
            scope: String(client.scope ?? ''),
            accessTokenTTL: ttl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: signingAlg } },
          };
        },
      },
    },
    extraTokenClaims: async (_ctx, token) => {
      const clientId = 'clientId' in token ? token.clientId : undefined;
      const client = typeof clientId === 'string' ? await options.clients.find(clientId) : undefined;
      if (!client) return undefined;
      const supervised = client.supervisedAgencyIds ?? [];
      return {
        agency_id: client.agencyId,
        agency_kind: client.agencyKind,
        region_code: client.regionCode,
        // The services read the relationship from here and never ask the register: a change reaches
        // them with the agency's next token, at most a token's life (15 minutes) later.
        ...(supervised.length > 0 && { supervised_agencies: supervised }),
      };
    },
    // A secret (header or form), or a JWT signed with the client's own key; client_secret_jwt would
    // need the secret itself as an HMAC key, and only its hash is known here.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    enabledJWA: { clientAuthSigningAlgValues: ['ES256', 'EdDSA'] },
    ...(options.clients.revoked && {
      discovery: { lintas_revoked_clients_uri: `${options.issuer}${REVOKED_CLIENTS_PATH}` },
    }),
    clientDefaults: {
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    // No browser ever signs in here (yet): the cookies only need keys that are not the defaults.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    renderError: async (ctx, out) => {
      ctx.type = 'application/json';
      ctx.body = out;
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
  const listRevoked = options.clients.revoked?.bind(options.clients);
  if (listRevoked) {
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
      ctx.body = { clients: await listRevoked() };
    });
  }
  return provider;
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
 * oidc-provider keeps what it stores (grants, sessions: none for client credentials with JWT
 * tokens, but the interface asks) through an adapter; its clients come from the directory, looked
 * up at each request.
 */
function directoryAdapter(clients: ClientDirectory, signingAlg: SigningAlgorithm): new (model: string) => Adapter {
  const stored = new Map<string, AdapterPayload>();
  return class DirectoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model !== 'Client') return stored.get(`${this.model}:${id}`);
      const client = await clients.find(id);
      if (!client) return undefined;
      const byKey = (client.publicKeys?.length ?? 0) > 0;
      if (!byKey && client.secretHashes.length === 0) return undefined;
      return {
        client_id: client.clientId,
        ...(byKey
          ? { jwks: { keys: client.publicKeys ?? [] }, token_endpoint_auth_method: 'private_key_jwt' }
          : {
              client_secret: client.secretHashes.join(' '),
              ...(client.secretExpiresAt !== undefined && { client_secret_expires_at: client.secretExpiresAt }),
              token_endpoint_auth_method: 'client_secret_basic',
            }),
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        // Never used (no ID tokens here), but checked: the default, RS256, has no key.
        id_token_signed_response_alg: signingAlg,
        ...(client.scopes.length > 0 && { scope: client.scopes.join(' ') }),
      };
    }

    async upsert(id: string, payload: AdapterPayload): Promise<void> {
      stored.set(`${this.model}:${id}`, payload);
    }

    async destroy(id: string): Promise<void> {
      stored.delete(`${this.model}:${id}`);
    }

    async consume(id: string): Promise<void> {
      const payload = stored.get(`${this.model}:${id}`);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async findByUid(): Promise<undefined> {
      return undefined;
    }

    async findByUserCode(): Promise<undefined> {
      return undefined;
    }

    async revokeByGrantId(): Promise<void> {
      // Client credentials grant nothing that could be revoked by grant.
    }
  };
}
