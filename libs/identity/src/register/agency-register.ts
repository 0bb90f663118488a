import type { JWK } from 'jose';
import { DataSource, type EntityManager } from 'typeorm';
import { AGENCY_KINDS, type AgencyKind } from '@lintas/platform/http/agency/agency-token';
import {
  GRANT_TYPES,
  MAX_ACCESS_TOKEN_TTL_SECONDS,
  type ClientDirectory,
  type GrantType,
  type IdentityClient,
  type RevokedClient,
} from '../identity-provider';
import {
  decideSignIn,
  PasswordRefused,
  USER_ID_PATTERN,
  USER_ROLES,
  type IdentityUser,
  type RevokedUser,
  type SignInOutcome,
  type UserChangeContext,
  type UserDirectory,
  type UserRole,
} from '../users';
import { newClientSecret } from './client-secret';
import { addUsers } from './migrations/add-users';
import { createAgencyRegister } from './migrations/create-agency-register';
import { indexAgencyParents } from './migrations/index-agency-parents';
import { hashPassword, newPassword, passwordMatches, passwordProblem } from './passwords';
import { RegisterProviderState } from './register-provider-state';
import {
  AgencyEntity,
  ClientEntity,
  RegisterChangeEntity,
  UserEntity,
  type AgencyRow,
  type ClientRow,
  type RegisterAction,
  type RegisterChangeRow,
  type UserRow,
} from './register-entities';

/** The one scope that no agency kind implies; only an admin agency's client may hold it. */
import { ADMIN_SCOPE } from '@lintas/platform/http/agency/agency-token';

export { ADMIN_SCOPE };
/** A rotated-out secret keeps working this long, so that an agency can deploy the new one. */
export const SECRET_ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;
/** A secret expires after a year: a forgotten credential does not work forever. */
export const SECRET_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
/**
 * A password an admin set (a new user, a reset) works this long unchanged: a temporary password
 * handed over and forgotten does not open the account forever.
 */
export const TEMPORARY_PASSWORD_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const SIGNING_KEY_TYPES = ['EC', 'OKP'];
const MAX_REDIRECT_URIS = 10;

/**
 * Who changes the register: an admin's client, or `bootstrap` on the server itself; with the
 * person behind the client where a person did it (an admin signed in to the console).
 */
export interface RegisterActor {
  clientId: string;
  agencyId: string;
  userId?: string;
}

export interface NewAgency {
  id: string;
  kind: AgencyKind;
  name: string;
  regionCode: string;
  parentId?: string;
}

export interface NewClient {
  agencyId: string;
  clientId?: string;
  /** For private_key_jwt: the client's public keys; no secret is made. */
  publicKeys?: JWK[];
  scopes?: string[];
  /** client_credentials unless given; authorization_code (with refresh_token) for an application people sign in through. */
  grantTypes?: GrantType[];
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
}

export interface NewUser {
  userId: string;
  agencyId: string;
  name: string;
  role: UserRole;
  /** Given once; a new one is made and answered once when not given. */
  password?: string;
  /** Whether the user must choose their own at the first sign-in: yes unless told otherwise. */
  passwordChangeRequired?: boolean;
}

/** A user as admins see it: never the password nor its hash. */
export interface UserView {
  userId: string;
  agencyId: string;
  name: string;
  role: UserRole;
  status: UserRow['status'];
  passwordChangeRequired: boolean;
  passwordExpiresAt?: string;
  passwordChangedAt: string;
  disabledAt?: string;
  disableReason?: string;
  createdAt: string;
}

/** A client as admins see it: never a secret nor its hash. */
export interface ClientView {
  clientId: string;
  agencyId: string;
  authMethod: ClientRow['authMethod'];
  scopes: string[];
  status: ClientRow['status'];
  secretExpiresAt?: string;
  previousSecretUntil?: string;
  revokedAt?: string;
  revocationReason?: string;
  createdAt: string;
  grantTypes: string[];
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
}

export interface AgencyView {
  id: string;
  kind: string;
  name: string;
  regionCode: string;
  parentId?: string;
  createdAt: string;
}

export interface RegisterChange {
  position: number;
  occurredAt: string;
  actor: RegisterActor;
  action: RegisterAction;
  subject: string;
  detail: Record<string, unknown>;
}

export type RegisterRefusalCode = 'invalid' | 'not-found' | 'conflict';

/** A change the register refuses, with a reason an admin can act on. */
export class RegisterRefusal extends Error {
  constructor(
    readonly code: RegisterRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegisterRefusal';
  }
}

/**
 * The agency register: agencies (kind, region, parent office), their clients and their people, in
 * PostgreSQL through TypeORM, with every change recorded in the same transaction. It is also the
 * identity provider's client and user directory: a revoked client or a disabled user gets no token
 * from the next request on, and their tokens still alive are listed for the services to refuse;
 * an agency's tokens (its system's and its people's) name the agencies it is the parent office of,
 * as the register holds them when the token is issued.
 */
export class AgencyRegister implements ClientDirectory, UserDirectory {
  /** The provider's sessions, codes and refresh tokens, in this schema: shared by every instance. */
  readonly providerState: RegisterProviderState;

  private constructor(
    private readonly source: DataSource,
    schema: string,
  ) {
    this.providerState = new RegisterProviderState(source, schema);
  }

  /** Opens the register in `schema`, creating or migrating its tables first (one process at a time). */
  static async open(databaseUrl: string, schema = 'identity'): Promise<AgencyRegister> {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
    const source = new DataSource({
      type: 'postgres',
      url: databaseUrl,
      schema,
      entities: [AgencyEntity, ClientEntity, RegisterChangeEntity, UserEntity],
      migrations: [createAgencyRegister(schema), indexAgencyParents(schema), addUsers(schema)],
      migrationsTableName: 'register_migrations',
      synchronize: false,
      logging: false,
      extra: { max: 4 },
    });
    await source.initialize();
    const runner = source.createQueryRunner();
    try {
      await runner.connect();
      // Two processes starting together would both see no migration applied.
      await runner.query(`SELECT pg_advisory_lock(hashtext('lintas-agency-register:' || $1))`, [schema]);
      try {
        await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        await source.runMigrations({ transaction: 'all' });
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('lintas-agency-register:' || $1))`, [schema]);
      }
    } catch (error) {
      await runner.release();
      await source.destroy();
      throw error;
    }
    await runner.release();
    return new AgencyRegister(source, schema);
  }

  close(): Promise<void> {
    return this.source.destroy();
  }

  async registerAgency(agency: NewAgency, by: RegisterActor): Promise<AgencyView> {
    if (!(AGENCY_KINDS as readonly string[]).includes(agency.kind)) {
      throw new RegisterRefusal('invalid', `kind must be one of ${AGENCY_KINDS.join(', ')}`);
    }
    return this.source.transaction(async (manager) => {
      if (await manager.findOneBy(AgencyEntity, { id: agency.id })) {
        throw new RegisterRefusal('conflict', `agency ${agency.id} is registered already`);
      }
      if (agency.parentId !== undefined) {
        const parent = await manager.findOneBy(AgencyEntity, { id: agency.parentId });
        if (!parent) throw new RegisterRefusal('invalid', `no parent agency ${agency.parentId}`);
        // A provincial office (35) oversees the agencies of its kab/kota (3507, 3573, ...), not another province's.
        if (!agency.regionCode.startsWith(parent.regionCode)) {
          throw new RegisterRefusal(
            'invalid',
            `region ${agency.regionCode} is not within the parent's region ${parent.regionCode}`,
          );
        }
      }
      const row = await manager.save(AgencyEntity, {
        id: agency.id,
        kind: agency.kind,
        name: agency.name,
        regionCode: agency.regionCode,
        parentId: agency.parentId ?? null,
      });
      await record(manager, by, 'agency-registered', agency.id, {
        kind: agency.kind,
        name: agency.name,
        regionCode: agency.regionCode,
        ...(agency.parentId !== undefined && { parentId: agency.parentId }),
      });
      return agencyView(row);
    });
  }

  /** Registers a client of the agency; the secret (if it has one) is in the answer and nowhere else. */
  async registerClient(request: NewClient, by: RegisterActor): Promise<{ client: ClientView; secret?: string }> {
    return this.source.transaction(async (manager) => {
      const agency = await manager.findOneBy(AgencyEntity, { id: request.agencyId });
      if (!agency) throw new RegisterRefusal('not-found', `no agency ${request.agencyId}`);
      const scopes = [...new Set(request.scopes ?? [])];
      const foreign = scopes.filter((scope) => scope !== ADMIN_SCOPE);
      if (foreign.length > 0) throw new RegisterRefusal('invalid', `no scope ${foreign.join(', ')}`);
      if (scopes.includes(ADMIN_SCOPE) && agency.kind !== 'admin') {
        throw new RegisterRefusal('invalid', `only a client of an admin agency may hold ${ADMIN_SCOPE}`);
      }
      const purpose = clientPurpose(request, agency);
      const clientId = request.clientId ?? (await freeClientId(manager, agency.id));
      if (await manager.findOneBy(ClientEntity, { clientId })) {
        throw new RegisterRefusal('conflict', `client ${clientId} is registered already`);
      }
      const byKey = request.publicKeys !== undefined;
      if (byKey) checkPublicKeys(request.publicKeys ?? []);
      const secret = byKey ? undefined : newClientSecret();
      const row = await manager.save(ClientEntity, {
        clientId,
        agencyId: agency.id,
        authMethod: byKey ? 'private_key_jwt' : 'client_secret_basic',
        secretHash: secret?.hash ?? null,
        secretExpiresAt: secret ? new Date(Date.now() + SECRET_LIFETIME_MS) : null,
        previousSecretHash: null,
        previousSecretUntil: null,
        publicKeys: byKey ? (request.publicKeys ?? []) : null,
        scopes,
        status: 'active',
        revokedAt: null,
        revocationReason: null,
        ...purpose,
      });
      await record(manager, by, 'client-registered', clientId, {
        agencyId: agency.id,
        authMethod: row.authMethod,
        scopes,
        ...(byKey && { keyIds: (request.publicKeys ?? []).map((key) => key.kid ?? null) }),
        ...(purpose.redirectUris.length > 0 && { grantTypes: purpose.grantTypes, redirectUris: purpose.redirectUris }),
      });
      return { client: clientView(row), ...(secret && { secret: secret.secret }) };
    });
  }

  /**
   * A new secret for the client, shown once; the one it replaces works on for `overlapMs` (a day
   * by default), so that the agency deploys the new one without an outage. 0 ends it at once.
   */
  async rotateSecret(
    clientId: string,
    by: RegisterActor,
    overlapMs = SECRET_ROTATION_OVERLAP_MS,
  ): Promise<{ client: ClientView; secret: string }> {
    return this.source.transaction(async (manager) => {
      const row = await activeClient(manager, clientId);
      if (row.authMethod !== 'client_secret_basic' || row.secretHash === null) {
        throw new RegisterRefusal('invalid', `client ${clientId} authenticates with its keys: it has no secret`);
      }
      const secret = newClientSecret();
      const now = Date.now();
      const keepPrevious = overlapMs > 0;
      Object.assign(row, {
        previousSecretHash: keepPrevious ? row.secretHash : null,
        previousSecretUntil: keepPrevious ? new Date(now + overlapMs) : null,
        secretHash: secret.hash,
        secretExpiresAt: new Date(now + SECRET_LIFETIME_MS),
      });
      await manager.save(ClientEntity, row);
      await record(manager, by, 'client-secret-rotated', clientId, {
        previousSecretUntil: row.previousSecretUntil?.toISOString() ?? null,
      });
      return { client: clientView(row), secret: secret.secret };
    });
  }

  /**
   * Where an application for people (authorization code) takes the browser back: for a console
   * that moved to another address. Its sign-ins in progress to the old address then fail.
   */
  async changeRedirectUris(
    clientId: string,
    uris: { redirectUris: string[]; postLogoutRedirectUris?: string[] },
    by: RegisterActor,
  ): Promise<ClientView> {
    return this.source.transaction(async (manager) => {
      const row = await activeClient(manager, clientId);
      const agency = await manager.findOneByOrFail(AgencyEntity, { id: row.agencyId });
      if (!row.grantTypes.includes('authorization_code')) {
        throw new RegisterRefusal('invalid', `client ${clientId} calls by client credentials: it has no redirect URIs`);
      }
      const purpose = clientPurpose(
        { agencyId: row.agencyId, grantTypes: row.grantTypes as GrantType[], ...uris },
        agency,
      );
      Object.assign(row, {
        redirectUris: purpose.redirectUris,
        postLogoutRedirectUris: purpose.postLogoutRedirectUris,
      });
      await manager.save(ClientEntity, row);
      await record(manager, by, 'client-redirects-changed', clientId, {
        redirectUris: purpose.redirectUris,
        postLogoutRedirectUris: purpose.postLogoutRedirectUris,
      });
      return clientView(row);
    });
  }

  /** Ends the client: no new token from now on, and the services refuse its tokens still alive. */
  async revokeClient(clientId: string, reason: string, by: RegisterActor): Promise<ClientView> {
    return this.source.transaction(async (manager) => {
      const row = await activeClient(manager, clientId);
      Object.assign(row, {
        status: 'revoked',
        revokedAt: new Date(),
        revocationReason: reason,
        secretHash: null,
        previousSecretHash: null,
        previousSecretUntil: null,
      });
      await manager.save(ClientEntity, row);
      await record(manager, by, 'client-revoked', clientId, { reason });
      return clientView(row);
    });
  }

  async find(clientId: string): Promise<IdentityClient | undefined> {
    const found = await this.source
      .getRepository(ClientEntity)
      .createQueryBuilder('client')
      .innerJoinAndMapOne('client.agency', 'Agency', 'agency', 'agency.id = client.agency_id')
      .where('client.client_id = :clientId AND client.status = :active', { clientId, active: 'active' })
      .getOne();
    if (!found) return undefined;
    const agency = (found as ClientRow & { agency: AgencyRow }).agency;
    const supervised = await this.childrenOf(agency.id);
    const now = Date.now();
    const hashes = [found.secretHash];
    if (found.previousSecretHash && (found.previousSecretUntil?.getTime() ?? 0) > now) {
      hashes.push(found.previousSecretHash);
    }
    return {
      clientId: found.clientId,
      secretHashes: hashes.filter((hash): hash is string => hash !== null),
      ...(found.secretExpiresAt && { secretExpiresAt: Math.floor(found.secretExpiresAt.getTime() / 1000) }),
      ...(found.publicKeys && { publicKeys: found.publicKeys }),
      agencyId: agency.id,
      agencyKind: agency.kind,
      regionCode: agency.regionCode,
      scopes: found.scopes,
      ...(supervised.length > 0 && { supervisedAgencyIds: supervised }),
      grantTypes: found.grantTypes as GrantType[],
      ...(found.redirectUris.length > 0 && { redirectUris: found.redirectUris }),
      ...(found.postLogoutRedirectUris.length > 0 && { postLogoutRedirectUris: found.postLogoutRedirectUris }),
    };
  }

  /**
   * A person of the agency, in a role (an admin only in an admin agency). The password given, or a
   * new one in the answer and nowhere else; unless told otherwise the user replaces it at the first
   * sign-in, and until then it works for TEMPORARY_PASSWORD_LIFETIME_MS.
   */
  async createUser(request: NewUser, by: RegisterActor): Promise<{ user: UserView; password?: string }> {
    if (!USER_ID_PATTERN.test(request.userId)) {
      throw new RegisterRefusal('invalid', 'userId must be 2 to 100 lowercase letters, digits, dots, dashes, _ or @');
    }
    if (!(USER_ROLES as readonly string[]).includes(request.role)) {
      throw new RegisterRefusal('invalid', `role must be one of ${USER_ROLES.join(', ')}`);
    }
    const problem = request.password === undefined ? undefined : passwordProblem(request.password);
    if (problem) throw new RegisterRefusal('invalid', `password ${problem}`);
    const password = request.password ?? newPassword();
    const passwordHash = await hashPassword(password);
    const changeRequired = request.passwordChangeRequired ?? true;
    return this.source.transaction(async (manager) => {
      const agency = await manager.findOneBy(AgencyEntity, { id: request.agencyId });
      if (!agency) throw new RegisterRefusal('not-found', `no agency ${request.agencyId}`);
      if (request.role === 'admin' && agency.kind !== 'admin') {
        throw new RegisterRefusal('invalid', 'only a user of an admin agency may be an admin');
      }
      // A disabled user's id stays theirs: the access records and the ledger name people by it.
      if (await manager.findOneBy(UserEntity, { userId: request.userId })) {
        throw new RegisterRefusal('conflict', `user ${request.userId} is registered already`);
      }
      const now = new Date();
      const row = await manager.save(UserEntity, {
        userId: request.userId,
        agencyId: agency.id,
        displayName: request.name,
        role: request.role,
        passwordHash,
        passwordChangeRequired: changeRequired,
        passwordExpiresAt: changeRequired ? new Date(now.getTime() + TEMPORARY_PASSWORD_LIFETIME_MS) : null,
        passwordChangedAt: now,
        status: 'active',
        disabledAt: null,
        disableReason: null,
      });
      await record(manager, by, 'user-created', row.userId, {
        agencyId: agency.id,
        role: row.role,
        passwordChangeRequired: changeRequired,
      });
      return { user: userView(row), ...(request.password === undefined && { password }) };
    });
  }

  /**
   * A new password for the user, set by an admin: the one given or a new one, answered once. Their
   * sign-ins at the provider end; unless told otherwise they choose their own at the next one.
   */
  async resetPassword(
    userId: string,
    by: RegisterActor,
    options: { password?: string; passwordChangeRequired?: boolean } = {},
  ): Promise<{ user: UserView; password?: string }> {
    const problem = options.password === undefined ? undefined : passwordProblem(options.password);
    if (problem) throw new RegisterRefusal('invalid', `password ${problem}`);
    const password = options.password ?? newPassword();
    const passwordHash = await hashPassword(password);
    const changeRequired = options.passwordChangeRequired ?? true;
    return this.source.transaction(async (manager) => {
      const row = await activeUser(manager, userId);
      const now = new Date();
      Object.assign(row, {
        passwordHash,
        passwordChangeRequired: changeRequired,
        passwordExpiresAt: changeRequired ? new Date(now.getTime() + TEMPORARY_PASSWORD_LIFETIME_MS) : null,
        passwordChangedAt: now,
      });
      await manager.save(UserEntity, row);
      // Their sign-ins at the provider end with this change, in its transaction.
      await this.providerState.forgetAccount(userId, manager);
      await record(manager, by, 'user-password-reset', userId, { passwordChangeRequired: changeRequired });
      return { user: userView(row), ...(options.password === undefined && { password }) };
    });
  }

  /**
   * Ends the user: no sign-in, no token, no refresh from now on; their sign-ins at the provider are
   * forgotten, and the services refuse their access tokens still alive (listed as revoked).
   */
  async disableUser(userId: string, reason: string, by: RegisterActor): Promise<UserView> {
    return this.source.transaction(async (manager) => {
      const row = await activeUser(manager, userId);
      Object.assign(row, { status: 'disabled', disabledAt: new Date(), disableReason: reason });
      await manager.save(UserEntity, row);
      // Their sign-ins at the provider end with this change, in its transaction.
      await this.providerState.forgetAccount(userId, manager);
      await record(manager, by, 'user-disabled', userId, { reason });
      return userView(row);
    });
  }

  /** The agency's users, by id; undefined for an agency nobody registered. */
  async usersOf(agencyId: string): Promise<UserView[] | undefined> {
    if (!(await this.source.getRepository(AgencyEntity).findOneBy({ id: agencyId }))) return undefined;
    const rows = await this.source.getRepository(UserEntity).find({ where: { agencyId }, order: { userId: 'ASC' } });
    return rows.map(userView);
  }

  async user(userId: string): Promise<UserView | undefined> {
    const row = await this.source.getRepository(UserEntity).findOneBy({ userId });
    return row ? userView(row) : undefined;
  }

  async findUser(userId: string): Promise<IdentityUser | undefined> {
    const found = await this.userWithAgency(userId);
    return found && found.user.status === 'active' ? this.identityUser(found.user, found.agency) : undefined;
  }

  async signIn(userId: string, password: string): Promise<SignInOutcome> {
    const found = await this.userWithAgency(userId);
    const decision = await decideSignIn(
      found && {
        passwordHash: found.user.passwordHash,
        disabled: found.user.status !== 'active',
        passwordChangeRequired: found.user.passwordChangeRequired,
        passwordExpiresAt: found.user.passwordExpiresAt,
      },
      password,
    );
    if (!found || decision === 'refused') return { outcome: 'refused' };
    if (decision === 'disabled' || decision === 'password-expired') return { outcome: decision };
    return {
      outcome: 'signed-in',
      user: await this.identityUser(found.user, found.agency),
      passwordChangeRequired: decision === 'change-required',
    };
  }

  /** The user's own password, chosen at a sign-in: recorded as their change, through the client they signed in with. */
  async changePassword(userId: string, password: string, by: UserChangeContext): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new RegisterRefusal('invalid', `password ${problem}`);
    const passwordHash = await hashPassword(password);
    await this.source.transaction(async (manager) => {
      const row = await manager.findOne(UserEntity, { where: { userId }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.status !== 'active') throw new PasswordRefused('user-gone');
      if (await passwordMatches(password, row.passwordHash)) throw new PasswordRefused('unchanged');
      Object.assign(row, {
        passwordHash,
        passwordChangeRequired: false,
        passwordExpiresAt: null,
        passwordChangedAt: new Date(),
      });
      await manager.save(UserEntity, row);
      await record(
        manager,
        { clientId: by.clientId, agencyId: row.agencyId, userId },
        'user-password-changed',
        userId,
        {},
      );
    });
  }

  /** Users disabled recently enough that a token of theirs may still be alive. */
  async revokedUsers(): Promise<RevokedUser[]> {
    const since = new Date(Date.now() - (MAX_ACCESS_TOKEN_TTL_SECONDS + 60) * 1000);
    const rows = await this.source
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.status = :disabled AND user.disabled_at > :since', { disabled: 'disabled', since })
      .getMany();
    return rows.map((row) => ({ userId: row.userId, revokedAt: Math.ceil((row.disabledAt?.getTime() ?? 0) / 1000) }));
  }

  /** The user with their agency; none when the agency is not in the register. */
  private async userWithAgency(userId: string): Promise<{ user: UserRow; agency: AgencyRow } | undefined> {
    if (!USER_ID_PATTERN.test(userId)) return undefined;
    const found = await this.source
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .innerJoinAndMapOne('user.agency', 'Agency', 'agency', 'agency.id = user.agency_id')
      .where('user.user_id = :userId', { userId })
      .getOne();
    if (!found) return undefined;
    return { user: found, agency: (found as UserRow & { agency: AgencyRow }).agency };
  }

  private async identityUser(user: UserRow, agency: AgencyRow): Promise<IdentityUser> {
    const supervised = await this.childrenOf(agency.id);
    return {
      userId: user.userId,
      name: user.displayName,
      role: user.role,
      agencyId: agency.id,
      agencyName: agency.name,
      agencyKind: agency.kind,
      regionCode: agency.regionCode,
      ...(supervised.length > 0 && { supervisedAgencyIds: supervised }),
    };
  }

  /**
   * The ids of the agencies whose parent office is this one, by id: a provincial office's UPTs and
   * kab/kota offices. Only the direct ones: a panti under a kab/kota office is that office's, not
   * the province's.
   */
  async childrenOf(agencyId: string): Promise<string[]> {
    const rows = await this.source
      .getRepository(AgencyEntity)
      .find({ select: { id: true }, where: { parentId: agencyId }, order: { id: 'ASC' } });
    return rows.map((row) => row.id);
  }

  /** Clients revoked recently enough that a token of theirs may still be alive. */
  async revoked(): Promise<RevokedClient[]> {
    const since = new Date(Date.now() - (MAX_ACCESS_TOKEN_TTL_SECONDS + 60) * 1000);
    const rows = await this.source
      .getRepository(ClientEntity)
      .createQueryBuilder('client')
      .where('client.status = :revoked AND client.revoked_at > :since', { revoked: 'revoked', since })
      .getMany();
    return rows.map((row) => ({
      clientId: row.clientId,
      revokedAt: Math.ceil((row.revokedAt?.getTime() ?? 0) / 1000),
    }));
  }

  async agencies(): Promise<AgencyView[]> {
    return (await this.source.getRepository(AgencyEntity).find({ order: { id: 'ASC' } })).map(agencyView);
  }

  async agency(id: string): Promise<{ agency: AgencyView; clients: ClientView[] } | undefined> {
    const row = await this.source.getRepository(AgencyEntity).findOneBy({ id });
    if (!row) return undefined;
    const clients = await this.source
      .getRepository(ClientEntity)
      .find({ where: { agencyId: id }, order: { clientId: 'ASC' } });
    return { agency: agencyView(row), clients: clients.map(clientView) };
  }

  /** The register's changes after a position, oldest first. */
  async changes(after = 0, limit = 100): Promise<RegisterChange[]> {
    const rows = await this.source
      .getRepository(RegisterChangeEntity)
      .createQueryBuilder('change')
      .where('change.position > :after', { after })
      .orderBy('change.position', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map(changeView);
  }
}

async function activeClient(manager: EntityManager, clientId: string): Promise<ClientRow> {
  const row = await manager.findOne(ClientEntity, { where: { clientId }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new RegisterRefusal('not-found', `no client ${clientId}`);
  if (row.status === 'revoked') throw new RegisterRefusal('conflict', `client ${clientId} is revoked`);
  return row;
}

async function activeUser(manager: EntityManager, userId: string): Promise<UserRow> {
  const row = await manager.findOne(UserEntity, { where: { userId }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new RegisterRefusal('not-found', `no user ${userId}`);
  if (row.status !== 'active') throw new RegisterRefusal('conflict', `user ${userId} is disabled`);
  return row;
}

/**
 * A client acts for its agency's system (client credentials) or is Lintas' own application that
 * people sign in through (authorization code, PKCE, maybe refresh tokens): never both, since a
 * token speaks for one. People sign in only through an admin agency's clients, the applications
 * Lintas' admins run, and only to addresses that are https or this machine.
 */
function clientPurpose(
  request: NewClient,
  agency: AgencyRow,
): Pick<ClientRow, 'grantTypes' | 'redirectUris' | 'postLogoutRedirectUris'> {
  const grantTypes = [...new Set(request.grantTypes ?? ['client_credentials'])];
  const unknown = grantTypes.filter((grant) => !(GRANT_TYPES as readonly string[]).includes(grant));
  if (unknown.length > 0 || grantTypes.length === 0) {
    throw new RegisterRefusal('invalid', `grantTypes must be some of ${GRANT_TYPES.join(', ')}`);
  }
  const forPeople = grantTypes.includes('authorization_code');
  if (forPeople && grantTypes.includes('client_credentials')) {
    throw new RegisterRefusal(
      'invalid',
      "a client acts for its agency's system (client_credentials) or for people (authorization_code), not both",
    );
  }
  if (grantTypes.includes('refresh_token') && !forPeople) {
    throw new RegisterRefusal('invalid', 'refresh_token comes only with authorization_code');
  }
  const redirectUris = [...new Set(request.redirectUris ?? [])];
  const postLogoutRedirectUris = [...new Set(request.postLogoutRedirectUris ?? [])];
  if (!forPeople) {
    if (redirectUris.length > 0 || postLogoutRedirectUris.length > 0) {
      throw new RegisterRefusal('invalid', 'only a client with authorization_code has redirect URIs');
    }
    return { grantTypes, redirectUris, postLogoutRedirectUris };
  }
  if (agency.kind !== 'admin') {
    throw new RegisterRefusal(
      'invalid',
      "people sign in only through Lintas' own applications: a client with authorization_code belongs to an admin agency",
    );
  }
  if (redirectUris.length === 0) throw new RegisterRefusal('invalid', 'authorization_code needs redirectUris');
  for (const [field, uris] of [
    ['redirectUris', redirectUris],
    ['postLogoutRedirectUris', postLogoutRedirectUris],
  ] as const) {
    if (uris.length > MAX_REDIRECT_URIS)
      throw new RegisterRefusal('invalid', `${field} may hold ${MAX_REDIRECT_URIS} at most`);
    for (const uri of uris) {
      const problem = redirectUriProblem(uri);
      if (problem) throw new RegisterRefusal('invalid', `${field}: ${uri} ${problem}`);
    }
  }
  return { grantTypes, redirectUris, postLogoutRedirectUris };
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

function redirectUriProblem(uri: string): string | undefined {
  const url = URL.parse(uri);
  if (!url) return 'is not an absolute URL';
  if (url.hash !== '' || uri.includes('#')) return 'must have no fragment';
  if (url.username !== '' || url.password !== '') return 'must hold no credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname)) return undefined;
  return 'must be https (http only on this machine: 127.0.0.1, localhost, [::1])';
}

async function freeClientId(manager: EntityManager, agencyId: string): Promise<string> {
  const taken = await manager.countBy(ClientEntity, { agencyId });
  for (let n = taken + 1; ; n += 1) {
    const candidate = `${agencyId}-${n}`;
    if (!(await manager.findOneBy(ClientEntity, { clientId: candidate }))) return candidate;
  }
}

function checkPublicKeys(keys: JWK[]): void {
  if (keys.length === 0) throw new RegisterRefusal('invalid', 'publicKeys must hold at least one key');
  for (const key of keys) {
    if ('d' in key || 'p' in key || 'k' in key) {
      throw new RegisterRefusal('invalid', 'publicKeys must hold public keys only (a private or secret key was sent)');
    }
    if (!SIGNING_KEY_TYPES.includes(String(key.kty)) || typeof key.kid !== 'string') {
      throw new RegisterRefusal('invalid', 'each public key must be an EC (P-256) or OKP (Ed25519) JWK with a kid');
    }
  }
  if (new Set(keys.map((key) => key.kid)).size !== keys.length) {
    throw new RegisterRefusal('invalid', 'every public key needs a kid of its own');
  }
}

async function record(
  manager: EntityManager,
  by: RegisterActor,
  action: RegisterAction,
  subject: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await manager.save(
    RegisterChangeEntity,
    manager.create(RegisterChangeEntity, {
      actorClientId: by.clientId,
      actorAgencyId: by.agencyId,
      actorUserId: by.userId ?? null,
      action,
      subject,
      detail,
    }),
  );
}

function agencyView(row: AgencyRow): AgencyView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    regionCode: row.regionCode,
    ...(row.parentId !== null && { parentId: row.parentId }),
    createdAt: row.createdAt.toISOString(),
  };
}

function clientView(row: ClientRow): ClientView {
  return {
    clientId: row.clientId,
    agencyId: row.agencyId,
    authMethod: row.authMethod,
    scopes: row.scopes,
    status: row.status,
    ...(row.secretExpiresAt && { secretExpiresAt: row.secretExpiresAt.toISOString() }),
    ...(row.previousSecretUntil && { previousSecretUntil: row.previousSecretUntil.toISOString() }),
    ...(row.revokedAt && { revokedAt: row.revokedAt.toISOString() }),
    ...(row.revocationReason !== null && { revocationReason: row.revocationReason }),
    createdAt: row.createdAt.toISOString(),
    grantTypes: row.grantTypes,
    ...(row.redirectUris.length > 0 && { redirectUris: row.redirectUris }),
    ...(row.postLogoutRedirectUris.length > 0 && { postLogoutRedirectUris: row.postLogoutRedirectUris }),
  };
}

function userView(row: UserRow): UserView {
  return {
    userId: row.userId,
    agencyId: row.agencyId,
    name: row.displayName,
    role: row.role,
    status: row.status,
    passwordChangeRequired: row.passwordChangeRequired,
    ...(row.passwordExpiresAt && { passwordExpiresAt: row.passwordExpiresAt.toISOString() }),
    passwordChangedAt: row.passwordChangedAt.toISOString(),
    ...(row.disabledAt && { disabledAt: row.disabledAt.toISOString() }),
    ...(row.disableReason !== null && { disableReason: row.disableReason }),
    createdAt: row.createdAt.toISOString(),
  };
}

function changeView(row: RegisterChangeRow): RegisterChange {
  return {
    position: Number(row.position),
    occurredAt: row.occurredAt.toISOString(),
    actor: {
      clientId: row.actorClientId,
      agencyId: row.actorAgencyId,
      ...(row.actorUserId !== null && { userId: row.actorUserId }),
    },
    action: row.action,
    subject: row.subject,
    detail: row.detail,
  };
}
