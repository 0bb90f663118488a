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
  /** client_credentials for an agency's system; authorization_code (and refresh_token) for Lintas' own application for people. */
  grantTypes: string[];
  /** Where an authorization answers: only a client with authorization_code has any. */
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export type UserStatus = 'active' | 'disabled';

/** A person who signs in: of one agency, in one role; only a slow hash of the password. */
export interface UserRow {
  userId: string;
  agencyId: string;
  displayName: string;
  role: 'supervisor' | 'admin';
  /** scrypt, with the user's own salt and the cost in the value (see passwords.ts). */
  passwordHash: string;
  /** Set by an admin (a new user, a reset): the user chooses their own at the next sign-in. */
  passwordChangeRequired: boolean;
  /** A password set by an admin works this long unchanged; null for one the user chose. */
  passwordExpiresAt: Date | null;
  passwordChangedAt: Date;
  status: UserStatus;
  disabledAt: Date | null;
  disableReason: string | null;
  createdAt: Date;
}

export interface RegisterChangeRow {
  position: string;
  occurredAt: Date;
  /** The admin's client and agency; `bootstrap` for the first admin, made on the server itself. */
  actorClientId: string;
  actorAgencyId: string;
  /** The person behind the client, where a person made the change (an admin in the console, a user's own password). */
  actorUserId: string | null;
  action: RegisterAction;
  subject: string;
  /** What changed, never a secret or its hash. */
  detail: Record<string, unknown>;
}

export type RegisterAction =
  | 'agency-registered'
  | 'client-registered'
  | 'client-secret-rotated'
  | 'client-revoked'
  | 'client-redirects-changed'
  | 'user-created'
  | 'user-password-reset'
  | 'user-password-changed'
  | 'user-disabled';

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
    grantTypes: { type: 'text', array: true, name: 'grant_types' },
    redirectUris: { type: 'text', array: true, name: 'redirect_uris' },
    postLogoutRedirectUris: { type: 'text', array: true, name: 'post_logout_redirect_uris' },
  },
});

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    userId: { type: 'text', primary: true, name: 'user_id' },
    agencyId: { type: 'text', name: 'agency_id' },
    displayName: { type: 'text', name: 'display_name' },
    role: { type: 'text' },
    passwordHash: { type: 'text', name: 'password_hash' },
    passwordChangeRequired: { type: 'boolean', name: 'password_change_required' },
    passwordExpiresAt: { type: 'timestamptz', name: 'password_expires_at', nullable: true },
    passwordChangedAt: { type: 'timestamptz', name: 'password_changed_at' },
    status: { type: 'text' },
    disabledAt: { type: 'timestamptz', name: 'disabled_at', nullable: true },
    disableReason: { type: 'text', name: 'disable_reason', nullable: true },
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
    actorUserId: { type: 'text', name: 'actor_user_id', nullable: true },
    action: { type: 'text' },
    subject: { type: 'text' },
    detail: { type: 'jsonb' },
  },
});
