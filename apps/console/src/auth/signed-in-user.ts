import { decodeJwt, type JWTPayload } from 'jose';

/** The scope of administering Lintas (libs/platform's ADMIN_SCOPE): verification, dead letters. */
export const ADMIN_SCOPE = 'lintas.admin';

/**
 * Who is signed in, as far as the pages need to know to lay themselves out (which menus, which
 * clock). It decides nothing: every service checks the same person's token again on every call,
 * so a page a role may not see answers a refusal, whatever the console shows.
 */
export interface SignedInUser {
  subject: string;
  /** The user id the services record with each read (`user_id`), where the token carries it. */
  userId?: string;
  name: string;
  /** `supervisor` or `admin`, as the register holds the person. */
  role?: string;
  agencyId?: string;
  agencyName?: string;
  agencyKind?: string;
  /** The kab/kota (4 digits) or province (2 digits) of the user's agency: their clock and reach. */
  regionCode?: string;
  scopes: string[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The user from the verified ID token and the access token's claims. The access token came
 * straight from the issuer's token endpoint over the back channel and is only read here to lay out
 * pages; the services verify it.
 */
export function signedInUser(idClaims: JWTPayload, accessToken: string): SignedInUser {
  let access: JWTPayload = {};
  try {
    access = decodeJwt(accessToken);
  } catch {
    // An opaque access token: the ID token's claims are all there is.
  }
  const claim = (name: string): string | undefined => text(access[name]) ?? text(idClaims[name]);
  const userId = claim('user_id');
  const scope = text(access.scope) ?? '';
  return {
    subject: String(idClaims.sub),
    ...(userId && { userId }),
    name: claim('name') ?? userId ?? claim('preferred_username') ?? String(idClaims.sub),
    ...optional('role', claim('role')),
    ...optional('agencyId', claim('agency_id')),
    ...optional('agencyName', claim('agency_name')),
    ...optional('agencyKind', claim('agency_kind')),
    ...optional('regionCode', claim('region_code')),
    scopes: scope.split(' ').filter(Boolean),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** An admin of an admin agency: the integrity menu is theirs (the services check the scope again). */
export const isAdmin = (user: SignedInUser | undefined): boolean =>
  user?.agencyKind === 'admin' && (user.role === undefined || user.role === 'admin');
