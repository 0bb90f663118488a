import {
  IDENTITY_AUDIENCE,
  startIdentityProvider,
  type IdentityClient,
  type RevokedClient,
  type RunningIdentityProvider,
} from '@lintas/identity/identity-provider';
import { newClientSecret } from '@lintas/identity/register/client-secret';
import { hashPassword, newPassword } from '@lintas/identity/register/passwords';
import { generateSigningKey } from '@lintas/identity/signing-key';
import {
  decideSignIn,
  normalizeUserId,
  PasswordRefused,
  USER_ID_PATTERN,
  type IdentityUser,
  type RevokedUser,
  type UserDirectory,
  type UserRole,
} from '@lintas/identity/users';
import { ADMIN_SCOPE, type AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { freePort } from '../infra/free-port';
import { signInAs, type SignedIn } from './sign-in-browser';

/** A token is fetched again this long before it expires, so that no request carries a dying one. */
const RENEW_BEFORE_SECONDS = 60;

/**
 * The console as the tests' provider registers it: Lintas' own application for people, of the
 * admin agency, by authorization code with PKCE. Its redirect URI is never served: the tests'
 * browser (SignInBrowser) stops where the provider sends it back and reads the code there.
 */
export const TEST_CONSOLE = {
  clientId: 'lintas-console-test',
  redirectUri: 'http://127.0.0.1/test-console/auth/callback',
  postLogoutRedirectUri: 'http://127.0.0.1/test-console/',
} as const;

/** A person the tests' provider knows, with the password they sign in with. */
export interface TestUser {
  userId: string;
  password: string;
  name: string;
  role: UserRole;
  /** The user's agency as an actor, naming the user: what a service sees of their token. */
  actor: AgencyActor;
}

interface UserRecord {
  user: IdentityUser;
  passwordHash: string;
  disabled: boolean;
  passwordChangeRequired: boolean;
}

/**
 * The real OpenID provider (the identity app's) that a test file's services trust, in the test's
 * process: an agency a test calls as is registered as a client on first use, with a secret of
 * its own (and, where the actor names them in `supervises`, the agencies it is the parent office
 * of), and its tokens come from the provider's token endpoint by client credentials, as an
 * agency's system gets them. People of an agency sign in through the console client
 * (TEST_CONSOLE) on the provider's own login page, by authorization code with PKCE, over HTTP
 * as a browser does (`userTokenFor`, `signIn`).
 */
export class TestIdentity {
  private readonly tokens = new Map<string, { token: string; renewAt: number }>();
  private readonly userTokens = new Map<string, { token: string; renewAt: number }>();
  private readonly secrets = new Map<string, string>();
  private readonly people = new Map<string, TestUser>();

  /** `clients`, `users` and the revocations are the provider's directories: what is registered here is found there. */
  private constructor(
    private readonly provider: RunningIdentityProvider,
    private readonly clients: Map<string, IdentityClient>,
    private readonly revokedClients: RevokedClient[],
    private readonly users: Map<string, UserRecord>,
    private readonly revokedUsers: RevokedUser[],
    private readonly consoleSecret: string,
  ) {}

  static async start(): Promise<TestIdentity> {
    const clients = new Map<string, IdentityClient>();
    const revoked: RevokedClient[] = [];
    const users = new Map<string, UserRecord>();
    const revokedUsers: RevokedUser[] = [];
    const consoleSecret = newClientSecret();
    clients.set(TEST_CONSOLE.clientId, {
      clientId: TEST_CONSOLE.clientId,
      secretHashes: [consoleSecret.hash],
      agencyId: 'lintas-admin',
      agencyKind: 'admin',
      regionCode: '35',
      scopes: [ADMIN_SCOPE],
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [TEST_CONSOLE.redirectUri],
      postLogoutRedirectUris: [TEST_CONSOLE.postLogoutRedirectUri],
    });
    const provider = await startIdentityProvider({
      issuer: `http://127.0.0.1:${await freePort()}`,
      audience: IDENTITY_AUDIENCE,
      signingKeys: [await generateSigningKey()],
      clients: { find: (clientId) => clients.get(clientId), revoked: () => revoked },
      users: memoryUserDirectory(users, revokedUsers),
    });
    return new TestIdentity(provider, clients, revoked, users, revokedUsers, consoleSecret.secret);
  }

  /** The console client's credentials and redirect URI, as the console holds them. */
  get consoleClient(): { clientId: string; secret: string; redirectUri: string; postLogoutRedirectUri: string } {
    return { ...TEST_CONSOLE, secret: this.consoleSecret };
  }

  /**
   * Registers a person of the actor's agency (its id, kind, region and supervised agencies): a
   * supervisor, or an admin where the agency is an admin agency, unless `role` says. The user id is
   * `actor.userId` unless given; the password is made unless given. Registering the same user id
   * again answers the same user, or fails where it names another agency.
   */
  async createUser(
    actor: AgencyActor,
    options: {
      userId?: string;
      name?: string;
      role?: UserRole;
      password?: string;
      passwordChangeRequired?: boolean;
    } = {},
  ): Promise<TestUser> {
    const userId = normalizeUserId(options.userId ?? actor.userId ?? '');
    if (!USER_ID_PATTERN.test(userId))
      throw new Error(`not a user id: "${userId}" (lowercase letters, digits, . _ @ -)`);
    const known = this.people.get(userId);
    if (known) {
      if (known.actor.agencyId !== actor.agencyId) throw new Error(`user ${userId} is registered for another agency`);
      return known;
    }
    const role = options.role ?? (actor.kind === 'admin' ? 'admin' : 'supervisor');
    if (role === 'admin' && actor.kind !== 'admin') throw new Error('only a user of an admin agency may be an admin');
    const password = options.password ?? newPassword();
    const name = options.name ?? userId;
    this.users.set(userId, {
      user: {
        userId,
        name,
        role,
        agencyId: actor.agencyId,
        agencyName: actor.agencyId,
        agencyKind: actor.kind,
        regionCode: actor.regionCode,
        ...(actor.supervises && { supervisedAgencyIds: actor.supervises }),
      },
      passwordHash: await hashPassword(password),
      disabled: false,
      passwordChangeRequired: options.passwordChangeRequired ?? false,
    });
    const user: TestUser = {
      userId,
      password,
      name,
      role,
      actor: { ...actor, clientId: TEST_CONSOLE.clientId, userId },
    };
    this.people.set(userId, user);
    return user;
  }

  /** Disables the user as the register does: no sign-in or refresh, and their tokens still alive are listed as revoked. */
  disableUser(userId: string): void {
    const record = this.users.get(userId);
    if (record) record.disabled = true;
    this.userTokens.delete(userId);
    this.revokedUsers.push({ userId, revokedAt: Math.ceil(Date.now() / 1000) });
  }

  /**
   * Signs the user in through the console client, over HTTP as a browser and the console do: the
   * authorization request with PKCE, the login page and its form, the redirect back with a code,
   * the code exchange. `scope` is `openid` unless given (`openid lintas.admin` for an admin's
   * admin functions).
   */
  signIn(
    user: { userId: string; password: string },
    options: { scope?: string; uiLocales?: string; newPassword?: string } = {},
  ): Promise<SignedIn> {
    return signInAs(this.issuer, this.consoleClient, user, { resource: IDENTITY_AUDIENCE, ...options });
  }

  /**
   * A bearer token of the person `actor.userId` of the actor's agency, signed in through the
   * console (and registered on first use): a TokenSource for AgencyClient, as `tokenFor` is for
   * the agency's system. An admin's token carries `lintas.admin`.
   */
  async userTokenFor(actor: AgencyActor): Promise<string> {
    if (!actor.userId) throw new Error('userTokenFor needs an actor naming its user (userId)');
    const user = await this.createUser(actor);
    const cached = this.userTokens.get(user.userId);
    if (cached && cached.renewAt > Date.now()) return cached.token;
    const signedIn = await this.signIn(user, { scope: user.role === 'admin' ? `openid ${ADMIN_SCOPE}` : 'openid' });
    const renewAt = Date.now() + (signedIn.expiresIn - RENEW_BEFORE_SECONDS) * 1_000;
    this.userTokens.set(user.userId, { token: signedIn.accessToken, renewAt });
    return signedIn.accessToken;
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

/** The provider's user directory over the tests' own map: the same decisions as the register's. */
function memoryUserDirectory(users: Map<string, UserRecord>, revoked: RevokedUser[]): UserDirectory {
  return {
    findUser: (userId) => {
      const record = users.get(userId);
      return record && !record.disabled ? record.user : undefined;
    },
    signIn: async (userId, password) => {
      const record = users.get(userId);
      const decision = await decideSignIn(record && { ...record, passwordExpiresAt: null }, password);
      if (!record || decision === 'refused') return { outcome: 'refused' };
      if (decision === 'disabled' || decision === 'password-expired') return { outcome: decision };
      return { outcome: 'signed-in', user: record.user, passwordChangeRequired: decision === 'change-required' };
    },
    changePassword: async (userId, password) => {
      const record = users.get(userId);
      if (!record || record.disabled) throw new PasswordRefused('user-gone');
      if ((await decideSignIn(record, password)) !== 'refused') throw new PasswordRefused('unchanged');
      record.passwordHash = await hashPassword(password);
      record.passwordChangeRequired = false;
    },
    revokedUsers: () => revoked,
  };
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
