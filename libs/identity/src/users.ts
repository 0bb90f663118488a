import { passwordMatches, spendPasswordCheck } from './register/passwords';

/**
 * People who sign in (the admin console): a supervisor reads what their agency may read; an admin,
 * of an admin agency only, administers Lintas. Neither is an agency kind of its own: a person's
 * token carries the kind, region and supervised agencies of the agency they belong to.
 */
export const USER_ROLES = ['supervisor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * A user id: lowercase so that `Ani.Supervisor` and `ani.supervisor` are one person, and within
 * the staff ids the services take (`x-lintas-user`, the `user_id` claim).
 */
export const USER_ID_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,99}$/;

/** What a person typed as their user id, as the register keys it. */
export function normalizeUserId(typed: string): string {
  return typed.trim().toLowerCase();
}

/** A person as the provider knows them at each sign-in and token: their agency as the register holds it now. */
export interface IdentityUser {
  userId: string;
  name: string;
  role: UserRole;
  agencyId: string;
  agencyName: string;
  agencyKind: string;
  regionCode: string;
  /** The agencies whose parent office is the user's agency: the token's `supervised_agencies`. */
  supervisedAgencyIds?: string[];
}

/**
 * The answer to a password. One answer for an unknown user and a wrong password, so that the page
 * tells nobody who has an account; the others only after the right password.
 */
export type SignInOutcome =
  | { outcome: 'signed-in'; user: IdentityUser; passwordChangeRequired: boolean }
  | { outcome: 'refused' }
  | { outcome: 'disabled' }
  | { outcome: 'password-expired' };

/** Who asks for a user's own change: the user, through the client they sign in with. */
export interface UserChangeContext {
  clientId: string;
}

/** Where the provider finds people, at every sign-in, authorization and token. */
export interface UserDirectory {
  /** An active user of a registered agency; undefined for anyone else (disabled, unknown). */
  findUser(userId: string): IdentityUser | undefined | Promise<IdentityUser | undefined>;
  signIn(userId: string, password: string): Promise<SignInOutcome>;
  /** The user's own new password, after signing in with one that must be changed. */
  changePassword(userId: string, newPassword: string, by: UserChangeContext): Promise<void>;
  /** Users disabled within the longest life of a token, with when: the services refuse their tokens. */
  revokedUsers?(): RevokedUser[] | Promise<RevokedUser[]>;
}

export interface RevokedUser {
  userId: string;
  /** Seconds since the epoch: every token of the user issued before then is void. */
  revokedAt: number;
}

/** What a directory keeps of a user's password and standing. */
export interface StoredSignIn {
  passwordHash: string;
  disabled: boolean;
  passwordChangeRequired: boolean;
  passwordExpiresAt?: Date | null;
}

/**
 * The one decision every directory makes on a password, so that the register and the tests' own
 * directory refuse alike. Unknown users cost a password check too: the time of the answer does not
 * tell them from users with a wrong password.
 */
export async function decideSignIn(
  stored: StoredSignIn | undefined,
  password: string,
  now = new Date(),
): Promise<'refused' | 'disabled' | 'password-expired' | 'signed-in' | 'change-required'> {
  if (!stored) {
    await spendPasswordCheck(password);
    return 'refused';
  }
  if (!(await passwordMatches(password, stored.passwordHash))) return 'refused';
  if (stored.disabled) return 'disabled';
  if (stored.passwordExpiresAt && stored.passwordExpiresAt.getTime() <= now.getTime()) return 'password-expired';
  return stored.passwordChangeRequired ? 'change-required' : 'signed-in';
}

/** A new password the directory does not take: the current one again, or a user no longer active. */
export class PasswordRefused extends Error {
  constructor(readonly code: 'unchanged' | 'user-gone') {
    super(code === 'unchanged' ? 'the new password is the current one' : 'the user may no longer sign in');
    this.name = 'PasswordRefused';
  }
}
