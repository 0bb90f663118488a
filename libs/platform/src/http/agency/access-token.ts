import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AGENCY_KINDS, type AgencyActor, type AgencyKind } from './agency-token';

/**
 * What a service accepts: JWT access tokens (RFC 9068) of one issuer for one audience, signed
 * asymmetrically, so that a service can check a token but never make one. HS256 is never among
 * them: a token "signed" with the issuer's public key as an HMAC secret must not pass.
 */
export const ACCESS_TOKEN_ALGORITHMS = ['ES256', 'EdDSA'];
/** RFC 9068 bounds nothing; Lintas does: a stolen token is worth a quarter of an hour at most. */
export const MAX_ACCESS_TOKEN_AGE_SECONDS = 15 * 60;
/** Clocks of agencies' machines and the issuer's differ a little; more than this is refused. */
const CLOCK_TOLERANCE_SECONDS = 30;

export interface AccessTokenExpectations {
  issuer: string;
  audience: string;
  /**
   * Whether the issuer revoked the client, or disabled the user the token names, after it issued
   * this token (see IssuerKeys.isRevoked).
   */
  isRevoked?: (clientId: string, issuedAt: number, userId?: string) => boolean | Promise<boolean>;
}

/**
 * A staff id: of a user in a token (`user_id`) or named by an agency's system (`x-lintas-user`).
 * Letters, digits, `.`, `_`, `@`, `-`; at most 100.
 */
export const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/**
 * The issuer's keys could not be read (it is down, slow, or answers something else): the token may
 * well be valid, so the caller is told to retry, not that its credentials are wrong.
 */
export class IssuerUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`the issuer's keys could not be read: ${reason}`);
    this.name = 'IssuerUnavailable';
  }
}

/** Why a token was refused, in words a caller's developer can act on; never the token itself. */
export class AccessTokenRejected extends Error {
  constructor(readonly reason: string) {
    super(`access token refused: ${reason}`);
    this.name = 'AccessTokenRejected';
  }
}

/**
 * Checks signature, algorithm, `typ`, issuer, audience, lifetime and the claims Lintas needs, and
 * answers who calls. `keys` finds the issuer's key by the token's `kid` (see IssuerKeys).
 */
export async function verifyAccessToken(
  token: string,
  keys: JWTVerifyGetKey,
  expected: AccessTokenExpectations,
): Promise<AgencyActor> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      issuer: expected.issuer,
      audience: expected.audience,
      algorithms: ACCESS_TOKEN_ALGORITHMS,
      typ: 'at+jwt',
      requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti', 'client_id'],
      maxTokenAge: MAX_ACCESS_TOKEN_AGE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    if (issuerUnreachable(error)) throw new IssuerUnavailable(error instanceof Error ? error.message : String(error));
    throw new AccessTokenRejected(describe(error));
  }
  if (typeof payload.exp === 'number' && typeof payload.iat === 'number') {
    // maxTokenAge bounds the age, not the life the issuer granted: a token valid for a year would
    // pass while young.
    if (payload.exp - payload.iat > MAX_ACCESS_TOKEN_AGE_SECONDS) {
      throw new AccessTokenRejected(`lives longer than ${MAX_ACCESS_TOKEN_AGE_SECONDS} s`);
    }
  }
  const actor = actorOf(payload);
  if (await expected.isRevoked?.(actor.clientId, Number(payload.iat), actor.userId)) {
    throw new AccessTokenRejected(
      actor.userId === undefined ? 'the client was revoked' : 'the client or user was revoked',
    );
  }
  return actor;
}

function actorOf(payload: JWTPayload): AgencyActor {
  const { client_id: clientId, agency_id: agencyId, agency_kind: kind, region_code: regionCode } = payload;
  // Not compared with sub: an issuer may name a service account in sub (Keycloak does), not the client.
  if (typeof clientId !== 'string') throw new AccessTokenRejected('no client_id claim');
  if (typeof agencyId !== 'string' || agencyId === '') throw new AccessTokenRejected('no agency_id claim');
  if (typeof kind !== 'string' || !AGENCY_KINDS.includes(kind as AgencyKind)) {
    throw new AccessTokenRejected(`agency_kind must be one of ${AGENCY_KINDS.join(', ')}`);
  }
  if (typeof regionCode !== 'string' || !/^\d{2}(\d{2})?$/.test(regionCode)) {
    throw new AccessTokenRejected('region_code must be a province (2 digits) or kab/kota (4 digits) code');
  }
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  const supervises = supervisedAgencies(payload.supervised_agencies);
  const userId = signedInUser(payload.user_id);
  return {
    agencyId,
    kind: kind as AgencyKind,
    regionCode,
    clientId,
    ...(userId !== undefined && { userId }),
    ...(scopes.length > 0 && { scopes }),
    ...(supervises.length > 0 && { supervises }),
  };
}

/**
 * The `user_id` claim: the person signed in (an admin console user), with their agency's claims
 * beside it. The issuer vouches for them as it vouches for the agency, so they are the actor's
 * user whatever the request's `x-lintas-user` says. Absent is an agency's system; anything but a
 * staff id is a malformed token, refused rather than read as no user.
 */
function signedInUser(claim: unknown): string | undefined {
  if (claim === undefined) return undefined;
  if (typeof claim !== 'string' || !STAFF_ID.test(claim)) {
    throw new AccessTokenRejected('user_id must be a staff id (letters, digits, . _ @ -, at most 100)');
  }
  return claim;
}

/**
 * The `supervised_agencies` claim: the ids of the agencies whose parent office in the register is
 * the caller's agency, as the issuer put them in the token (the services never ask the register).
 * Absent is none; anything but a list of agency ids is a malformed token, refused rather than
 * read as none, since an issuer that sends it means something by it.
 */
function supervisedAgencies(claim: unknown): string[] {
  if (claim === undefined) return [];
  if (!Array.isArray(claim) || !claim.every((id) => typeof id === 'string' && id !== '')) {
    throw new AccessTokenRejected('supervised_agencies must be a list of agency ids');
  }
  return [...new Set(claim as string[])];
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim}: ${error.reason}`;
  if (error instanceof errors.JOSEAlgNotAllowed)
    return `algorithm not allowed (only ${ACCESS_TOKEN_ALGORITHMS.join(', ')})`;
  if (error instanceof errors.JWKSNoMatchingKey) return "no key of the issuer matches the token's kid";
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature does not verify';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'not a well-formed JWT';
  return 'not verifiable';
}

/**
 * Failures of reading the issuer's discovery document or keys, not of the token: a timeout (jose's,
 * or the discovery's own), a connection refused or reset (fetch's TypeError), an answer that is
 * not the issuer's document or key set.
 */
function issuerUnreachable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  // By name: fetch's errors come from Node's own realm, where instanceof TypeError may not hold.
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  return name === 'TypeError' && message === 'fetch failed';
}

/** How old the list of revoked clients and users may be when a token is checked against it. */
export const REVOCATION_REFRESH_MS = 5_000;

interface Discovered {
  getKey: ReturnType<typeof createRemoteJWKSet>;
  revokedClientsUri?: string;
}

/**
 * The keys of an OpenID issuer, found as any relying party finds them: its discovery document
 * names its JWKS, which is fetched when a token names a `kid` not seen yet (at most every 30 s)
 * and at least every 10 minutes, so that rotated keys are picked up without a restart. Where the
 * document also names a list of revoked clients (the Lintas identity app's
 * `lintas_revoked_clients_uri`, which lists disabled users too), a token is checked against a
 * copy at most 5 s old.
 */
export class IssuerKeys {
  private keys?: Promise<Discovered>;
  private revocations = new Map<string, number>();
  private userRevocations = new Map<string, number>();
  private revocationsReadAt = 0;
  private reading?: Promise<void>;

  constructor(
    private readonly issuer: string,
    private readonly fetchDocument: typeof fetch = fetch,
  ) {}

  readonly getKey: JWTVerifyGetKey = async (header, token) => (await this.discovered()).getKey(header, token);

  /**
   * Reads the discovery document and the keys as the service starts, so that its first requests
   * do not all wait for them (on a busy machine that wait outlasted the 5 s timeout). An issuer not
   * up yet is no reason not to start: the first token tries again.
   */
  onApplicationBootstrap(): void {
    void this.discovered()
      .then(({ getKey }) => getKey.reload())
      .catch(() => undefined);
  }

  /** Whether the issuer revoked the client, or disabled the token's user, at or after the token's issue time. */
  readonly isRevoked = async (clientId: string, issuedAt: number, userId?: string): Promise<boolean> => {
    const { revokedClientsUri } = await this.discovered();
    if (revokedClientsUri === undefined) return false;
    if (Date.now() - this.revocationsReadAt > REVOCATION_REFRESH_MS) {
      // An issuer that cannot answer leaves the last list in force until the next refresh: the
      // tokens themselves still verify by signature and die within 15 minutes.
      this.reading ??= this.readRevocations(revokedClientsUri)
        .catch(() => void (this.revocationsReadAt = Date.now()))
        .finally(() => (this.reading = undefined));
      await this.reading;
    }
    const revokedAt = this.revocations.get(clientId);
    if (revokedAt !== undefined && issuedAt <= revokedAt) return true;
    const disabledAt = userId === undefined ? undefined : this.userRevocations.get(userId);
    return disabledAt !== undefined && issuedAt <= disabledAt;
  };

  private async readRevocations(uri: string): Promise<void> {
    const response = await this.fetchDocument(uri, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new errors.JWKSInvalid(`the revoked clients at ${uri} answered ${response.status}`);
    const { clients, users } = (await response.json()) as {
      clients?: { clientId?: unknown; revokedAt?: unknown }[];
      users?: { userId?: unknown; revokedAt?: unknown }[];
    };
    const revocations = new Map<string, number>();
    for (const client of clients ?? []) {
      if (typeof client.clientId === 'string' && typeof client.revokedAt === 'number') {
        revocations.set(client.clientId, client.revokedAt);
      }
    }
    const userRevocations = new Map<string, number>();
    for (const user of Array.isArray(users) ? users : []) {
      if (typeof user.userId === 'string' && typeof user.revokedAt === 'number') {
        userRevocations.set(user.userId, user.revokedAt);
      }
    }
    this.revocations = revocations;
    this.userRevocations = userRevocations;
    this.revocationsReadAt = Date.now();
  }

  private discovered(): Promise<Discovered> {
    this.keys ??= this.discover().catch((error: unknown) => {
      // Not kept: the next token tries again, the issuer may be starting.
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private async discover(): Promise<Discovered> {
    const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await this.fetchDocument(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new errors.JWKSInvalid(`discovery at ${url} answered ${response.status}`);
    const document = (await response.json()) as {
      issuer?: unknown;
      jwks_uri?: unknown;
      lintas_revoked_clients_uri?: unknown;
    };
    // OpenID Connect Discovery §4.3: a document that names another issuer is not this issuer's.
    if (document.issuer !== this.issuer) throw new errors.JWKSInvalid(`discovery at ${url} names another issuer`);
    if (typeof document.jwks_uri !== 'string') throw new errors.JWKSInvalid(`discovery at ${url} names no jwks_uri`);
    const revoked = document.lintas_revoked_clients_uri;
    return {
      getKey: createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }),
      ...(typeof revoked === 'string' && { revokedClientsUri: revoked }),
    };
  }
}
