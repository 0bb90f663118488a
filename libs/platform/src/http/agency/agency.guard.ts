import {
  createParamDecorator,
  Inject,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ServiceEnv } from '../../config/service-env';
import {
  EdgeError,
  IssuerUnavailableError,
  NotAllowedError,
  NotAuthenticatedError,
  RateLimitedError,
  ScopeMissingError,
} from '../problems/http-errors';
import { AuditedReads } from '../access/audited-reads';
import { AccessTokenRejected, IssuerKeys, IssuerUnavailable, STAFF_ID, verifyAccessToken } from './access-token';
import type { AgencyActor, AgencyKind } from './agency-token';
import { RateLimiter, RefusedTokenLimiter } from './rate-limit';

const ALLOWED_KINDS = 'lintas:allowed-agency-kinds';
const PUBLIC = 'lintas:public';
const REQUIRED_SCOPES = 'lintas:required-scopes';
const EMERGENCY_READABLE = 'lintas:emergency-readable';

/** The kinds of agency that may call this route (least privilege: name them on every route). */
export const Allow = (...kinds: AgencyKind[]) => SetMetadata(ALLOWED_KINDS, kinds);

/** Scopes the token must carry besides an allowed kind: `@RequireScopes(ADMIN_SCOPE)` on admin functions. */
export const RequireScopes = (...scopes: string[]) => SetMetadata(REQUIRED_SCOPES, scopes);

/**
 * A read that an agency of any kind may make under an emergency access to the record's person
 * (break-the-glass): the guard lets a kind the route does not allow through to the handler, marked
 * `emergencyOnly`, and the handler refuses it (403) unless such an access holds (EmergencyGrants).
 */
export const EmergencyReadable = () => SetMetadata(EMERGENCY_READABLE, true);

/** A route anyone may call: health probes, the OpenAPI document. */
export const Public = () => SetMetadata(PUBLIC, true);

/** The authenticated calling agency. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): AgencyActor => {
  const actor = context.switchToHttp().getRequest<Request & { actor?: AgencyActor }>().actor;
  if (!actor) throw new NotAuthenticatedError();
  return actor;
});

/**
 * Every route needs a valid access token of the configured issuer, a client within its rate, and a
 * kind of agency the route allows; a route that names no kinds is closed, so that forgetting @Allow
 * never opens one.
 */
@Injectable()
export class AgencyGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ServiceEnv) private readonly env: ServiceEnv,
    @Inject(IssuerKeys) private readonly keys: IssuerKeys,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(RefusedTokenLimiter) private readonly refusedTokens: RefusedTokenLimiter,
    @Inject(AuditedReads) private readonly reads: AuditedReads,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    try {
      return await this.admit(context, targets);
    } catch (error) {
      // A refused attempt at people's data is recorded as a granted one is (UU PDP).
      await this.reads.refusedBy(context, error);
      throw error;
    }
  }

  private async admit(
    context: ExecutionContext,
    targets: ReturnType<ExecutionContext['getHandler']>[],
  ): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { actor?: AgencyActor }>();
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) throw this.refusedToken(request, 'no bearer token');
    try {
      request.actor = await verifyAccessToken(header.slice('Bearer '.length), this.keys.getKey, {
        issuer: this.env.IDENTITY_ISSUER,
        audience: this.env.ACCESS_TOKEN_AUDIENCE,
        isRevoked: this.keys.isRevoked,
      });
    } catch (error) {
      if (error instanceof AccessTokenRejected) throw this.refusedToken(request, error.reason);
      if (error instanceof IssuerUnavailable) throw new IssuerUnavailableError();
      throw error;
    }
    const wait = this.limiter.take(request.actor.clientId);
    if (wait > 0) throw new RateLimitedError(wait);
    // A user's own token names its user; the header speaks only for a system client.
    if (request.actor.userId === undefined) {
      const user = actingUser(request.headers[ACTING_USER_HEADER]);
      if (user !== undefined) request.actor = { ...request.actor, userId: user };
    }
    const allowed = this.reflector.getAllAndOverride<AgencyKind[]>(ALLOWED_KINDS, targets) ?? [];
    if (!allowed.includes(request.actor.kind)) {
      if (!this.reflector.getAllAndOverride<boolean>(EMERGENCY_READABLE, targets)) {
        throw new NotAllowedError(request.actor.kind);
      }
      (request as { emergencyOnly?: boolean }).emergencyOnly = true;
    }
    const required = this.reflector.getAllAndOverride<string[]>(REQUIRED_SCOPES, targets) ?? [];
    const missing = required.filter((scope) => !request.actor?.scopes?.includes(scope));
    if (missing.length > 0) throw new ScopeMissingError(missing);
    return true;
  }

  /** 401, or 429 once the address sends refused tokens faster than anyone who has a valid one would. */
  private refusedToken(request: Request, reason: string): NotAuthenticatedError | RateLimitedError {
    const wait = this.refusedTokens.take(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    return wait > 0 ? new RateLimitedError(wait) : new NotAuthenticatedError(reason);
  }
}

/**
 * An agency's system acting for one of its staff names them (a social worker who reviews a match),
 * so that the decision records who made it: the agency vouches for it with its own credentials. A
 * user's own token, where there is one, names its user and wins.
 */
export const ACTING_USER_HEADER = 'x-lintas-user';

function actingUser(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !STAFF_ID.test(header)) {
    throw new EdgeError(
      400,
      'acting-user.invalid',
      `${ACTING_USER_HEADER} must be one staff id of the calling agency (letters, digits, . _ @ -, at most 100)`,
    );
  }
  return header;
}
