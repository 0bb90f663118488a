import {
  IDENTITY_AUDIENCE,
  startIdentityProvider,
  type IdentityClient,
  type RevokedClient,
  type RunningIdentityProvider,
} from '@lintas/identity/identity-provider';
import { newClientSecret } from '@lintas/identity/register/client-secret';
import { generateSigningKey } from '@lintas/identity/signing-key';
import { ADMIN_SCOPE, type AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { freePort } from '../infra/free-port';

/** A token is fetched again this long before it expires, so that no request carries a dying one. */
const RENEW_BEFORE_SECONDS = 60;

/**
 * The real OpenID provider (the identity app's) that a test file's services trust, in the test's
 * process: an agency a test calls as is registered as a client on first use, with a secret of
 * its own (and, where the actor names them in `supervises`, the agencies it is the parent office
 * of), and its tokens come from the provider's token endpoint by client credentials, as an
 * agency's system gets them.
 */
export class TestIdentity {
  private readonly tokens = new Map<string, { token: string; renewAt: number }>();
  private readonly secrets = new Map<string, string>();

  /** `clients` and `revoked` are the provider's directory: a client registered here is found there. */
  private constructor(
    private readonly provider: RunningIdentityProvider,
    private readonly clients: Map<string, IdentityClient>,
    private readonly revokedClients: RevokedClient[],
  ) {}

  static async start(): Promise<TestIdentity> {
    const clients = new Map<string, IdentityClient>();
    const revoked: RevokedClient[] = [];
    const provider = await startIdentityProvider({
      issuer: `http://127.0.0.1:${await freePort()}`,
      audience: IDENTITY_AUDIENCE,
      signingKeys: [await generateSigningKey()],
      clients: { find: (clientId) => clients.get(clientId), revoked: () => revoked },
    });
    return new TestIdentity(provider, clients, revoked);
  }

  /**
   * Revokes the agency's client as the register does: no new token, and its tokens still alive
   * are listed for the services to refuse.
   */
  revoke(actor: AgencyActor): void {
    this.clients.delete(actor.clientId);
    this.tokens.delete(actor.clientId);
    this.revokedClients.push({ clientId: actor.clientId, revokedAt: Math.ceil(Date.now() / 1000) });
  }

  get issuer(): string {
    return this.provider.issuer;
  }

  /** The settings a service under test needs to trust this provider. */
  get serviceSettings(): Record<string, string> {
    return { IDENTITY_ISSUER: this.issuer, ACCESS_TOKEN_AUDIENCE: IDENTITY_AUDIENCE };
  }

  /** A bearer token for the agency, from the provider's token endpoint. */
  async tokenFor(actor: AgencyActor): Promise<string> {
    const cached = this.tokens.get(actor.clientId);
    if (cached && cached.renewAt > Date.now()) return cached.token;
    const secret = this.register(actor);
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${actor.clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        ...(actor.kind === 'admin' && { scope: ADMIN_SCOPE }),
      }),
    });
    const body = (await response.json()) as { access_token?: string; expires_in?: number; error?: string };
    if (!response.ok || !body.access_token) {
      throw new Error(`the identity provider gave ${actor.clientId} no token: ${response.status} ${body.error}`);
    }
    const renewAt = Date.now() + ((body.expires_in ?? 0) - RENEW_BEFORE_SECONDS) * 1_000;
    this.tokens.set(actor.clientId, { token: body.access_token, renewAt });
    return body.access_token;
  }

  /** The agency's client id and secret, as its system (or an admin's command line) would hold them. */
  credentialsFor(actor: AgencyActor): { clientId: string; secret: string } {
    return { clientId: actor.clientId, secret: this.register(actor) };
  }

  /**
   * Registers the agency's client once and answers its secret; the same client id for another
   * agency is a mistake in the test.
   */
  private register(actor: AgencyActor): string {
    const known = this.clients.get(actor.clientId);
    const knownSecret = this.secrets.get(actor.clientId);
    if (known && knownSecret) {
      if (
        known.agencyId !== actor.agencyId ||
        known.agencyKind !== actor.kind ||
        known.regionCode !== actor.regionCode ||
        String(known.supervisedAgencyIds ?? []) !== String(actor.supervises ?? [])
      ) {
        throw new Error(`client ${actor.clientId} is registered for another agency`);
      }
      return knownSecret;
    }
    const { secret, hash } = newClientSecret();
    this.clients.set(actor.clientId, {
      clientId: actor.clientId,
      secretHashes: [hash],
      agencyId: actor.agencyId,
      agencyKind: actor.kind,
      regionCode: actor.regionCode,
      // An admin agency's system administers Lintas, as the register's demo admin client does.
      scopes: actor.kind === 'admin' ? [ADMIN_SCOPE] : [],
      // The agencies the register would hold as this one's children (a provincial office's UPTs):
      // the test names them, the provider puts them in the token as it does from the register.
      ...(actor.supervises && { supervisedAgencyIds: actor.supervises }),
    });
    this.secrets.set(actor.clientId, secret);
    return secret;
  }

  stop(): Promise<void> {
    return this.provider.stop();
  }
}

let shared: Promise<TestIdentity> | undefined;

/**
 * The provider of this test file (Jest gives each file its own modules): started on first use,
 * and left to end with the file's worker, like the services' HTTP clients.
 */
export function testIdentity(): Promise<TestIdentity> {
  shared ??= TestIdentity.start();
  return shared;
}
