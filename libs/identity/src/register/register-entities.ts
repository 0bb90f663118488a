import type { JWK } from 'jose';
import { EntitySchema } from 'typeorm';

/**
 * The agency register's rows. Plain relational tables, not event streams: the register is
 * configuration that admins edit, and every edit also lands in `register_changes`, which nothing
 * updates or deletes. Entity schemas rather than decorated classes: the identity app runs under
 * tsx, which emits no decorator metadata.
 */
export interface AgencyRow {
  id: string;
  kind: string;
  name: string;
  regionCode: string;
  parentId: string | null;
  createdAt: Date;
}

export type ClientAuthMethod = 'client_secret_basic' | 'private_key_jwt';
export type ClientStatus = 'active' | 'revoked';

export interface ClientRow {
  clientId: string;
  agencyId: string;
  authMethod: ClientAuthMethod;
  secretHash: string | null;
  secretExpiresAt: Date | null;
  /** The secret a rotation replaced, valid until previousSecretUntil so that callers can switch. */
  previousSecretHash: string | null;
  previousSecretUntil: Date | null;
  /** Public JWKs (private_key_jwt); never a private key. */
  publicKeys: JWK[] | null;
  scopes: string[];
  status: ClientStatus;
  revokedAt: Date | null;
  revocationReason: string | null;
  createdAt: Date;
}

export interface RegisterChangeRow {
  position: string;
  occurredAt: Date;
  /** The admin's client and agency; `bootstrap` for the first admin, made on the server itself. */
  actorClientId: string;
  actorAgencyId: string;
  action: RegisterAction;
  subject: string;
  /** What changed, never a secret or its hash. */
  detail: Record<string, unknown>;
}

export type RegisterAction = 'agency-registered' | 'client-registered' | 'client-secret-rotated' | 'client-revoked';

export const AgencyEntity = new EntitySchema<AgencyRow>({
  name: 'Agency',
  tableName: 'agencies',
  columns: {
    id: { type: 'text', primary: true },
    kind: { type: 'text' },
    name: { type: 'text' },
    regionCode: { type: 'text', name: 'region_code' },
    parentId: { type: 'text', name: 'parent_id', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const ClientEntity = new EntitySchema<ClientRow>({
  name: 'Client',
  tableName: 'clients',
  columns: {
    clientId: { type: 'text', primary: true, name: 'client_id' },
    agencyId: { type: 'text', name: 'agency_id' },
    authMethod: { type: 'text', name: 'auth_method' },
    secretHash: { type: 'text', name: 'secret_hash', nullable: true },
    secretExpiresAt: { type: 'timestamptz', name: 'secret_expires_at', nullable: true },
    previousSecretHash: { type: 'text', name: 'previous_secret_hash', nullable: true },
    previousSecretUntil: { type: 'timestamptz', name: 'previous_secret_until', nullable: true },
    publicKeys: { type: 'jsonb', name: 'public_keys', nullable: true },
    scopes: { type: 'text', array: true },
    status: { type: 'text' },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
    revocationReason: { type: 'text', name: 'revocation_reason', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const RegisterChangeEntity = new EntitySchema<RegisterChangeRow>({
  name: 'RegisterChange',
  tableName: 'register_changes',
  columns: {
    position: { type: 'bigint', primary: true, generated: 'increment' },
    occurredAt: { type: 'timestamptz', name: 'occurred_at', createDate: true },
    actorClientId: { type: 'text', name: 'actor_client_id' },
    actorAgencyId: { type: 'text', name: 'actor_agency_id' },
    action: { type: 'text' },
    subject: { type: 'text' },
    detail: { type: 'jsonb' },
  },
});
