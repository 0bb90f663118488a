import { createHmac, timingSafeEqual } from 'node:crypto';

export const AGENCY_KINDS = [
  'satpol-pp',
  'polri',
  'dinas-sosial',
  'dinas-sosial-provinsi',
  'rsj',
  'panti',
  'admin',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Who calls: an agency's system (and, where it says so, the user behind it). */
export interface AgencyActor {
  agencyId: string;
  kind: AgencyKind;
  /** The kab/kota (4 digits) or province (2 digits) the agency serves: access follows it. */
  regionCode: string;
  clientId: string;
  userId?: string;
}

/**
 * A bearer token an agency's system presents: its claims and an HMAC over them, signed with the
 * secret the services share. Deliberately small: an identity provider that issues signed JWTs
 * (or mTLS at the gateway) takes its place where one exists; the guard only needs the claims.
 */
export function issueAgencyToken(secret: string, actor: AgencyActor): string {
  const claims = Buffer.from(JSON.stringify(actor)).toString('base64url');
  return `${claims}.${sign(secret, claims)}`;
}

export function readAgencyToken(secret: string, token: string): AgencyActor | undefined {
  const [claims, signature, ...rest] = token.split('.');
  if (!claims || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(sign(secret, claims));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const actor = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Partial<AgencyActor>;
    if (typeof actor.agencyId !== 'string' || typeof actor.clientId !== 'string') return undefined;
    if (typeof actor.regionCode !== 'string' || !AGENCY_KINDS.includes(actor.kind as AgencyKind)) return undefined;
    return actor as AgencyActor;
  } catch {
    return undefined;
  }
}

function sign(secret: string, claims: string): string {
  return createHmac('sha256', secret).update(claims).digest('base64url');
}
