import type { JWK } from 'jose';
import { DataSource, type EntityManager } from 'typeorm';
import { AGENCY_KINDS, type AgencyKind } from '@lintas/platform/http/agency/agency-token';
import {
  MAX_ACCESS_TOKEN_TTL_SECONDS,
  type ClientDirectory,
  type IdentityClient,
  type RevokedClient,
} from '../identity-provider';
import { newClientSecret } from './client-secret';
import { createAgencyRegister } from './migrations/create-agency-register';
import { indexAgencyParents } from './migrations/index-agency-parents';
import {
  AgencyEntity,
  ClientEntity,
  RegisterChangeEntity,
  type AgencyRow,
  type ClientRow,
  type RegisterAction,
  type RegisterChangeRow,
} from './register-entities';

/** The one scope that no agency kind implies; only an admin agency's client may hold it. */
import { ADMIN_SCOPE } from '@lintas/platform/http/agency/agency-token';

export { ADMIN_SCOPE };
/** A rotated-out secret keeps working this long, so that an agency can deploy the new one. */
export const SECRET_ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;
/** A secret expires after a year: a forgotten credential does not work forever. */
export const SECRET_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
const SIGNING_KEY_TYPES = ['EC', 'OKP'];

/** Who changes the register: an admin's client, or `bootstrap` on the server itself. */
export interface RegisterActor {
  clientId: string;
  agencyId: string;
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
 * The agency register: agencies (kind, region, parent office) and their clients, in PostgreSQL
 * through TypeORM, with every change recorded in the same transaction. It is also the identity
 * provider's client directory: a revoked client gets no token from the next request on, and its
 * tokens still alive are listed for the services to refuse; an agency's tokens name the agencies
 * it is the parent office of, as the register holds them when the token is issued.
 */
export class AgencyRegister implements ClientDirectory {
  private constructor(private readonly source: DataSource) {}

  /** Opens the register in `schema`, creating or migrating its tables first (one process at a time). */
  static async open(databaseUrl: string, schema = 'identity'): Promise<AgencyRegister> {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
    const source = new DataSource({
      type: 'postgres',
      url: databaseUrl,
      schema,
      entities: [AgencyEntity, ClientEntity, RegisterChangeEntity],
      migrations: [createAgencyRegister(schema), indexAgencyParents(schema)],
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
    return new AgencyRegister(source);
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
      });
      await record(manager, by, 'client-registered', clientId, {
        agencyId: agency.id,
        authMethod: row.authMethod,
        scopes,
        ...(byKey && { keyIds: (request.publicKeys ?? []).map((key) => key.kid ?? null) }),
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
  };
}

function changeView(row: RegisterChangeRow): RegisterChange {
  return {
    position: Number(row.position),
    occurredAt: row.occurredAt.toISOString(),
    actor: { clientId: row.actorClientId, agencyId: row.actorAgencyId },
    action: row.action,
    subject: row.subject,
    detail: row.detail,
  };
}
