import type { IncomingMessage, ServerResponse } from 'node:http';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import {
  EdgeError,
  InvalidRequestError,
  NotAllowedError,
  NotAuthenticatedError,
  ScopeMissingError,
} from '@lintas/platform/http/problems/http-errors';
import { PROBLEM_BASE } from '@lintas/platform/http/problems/problem.filter';
import { preferredLanguage, problemTitle } from '@lintas/platform/http/problems/problem-titles';
import { fieldErrors } from '@lintas/platform/http/validation.pipe';
import { ADMIN_SCOPE, RegisterRefusal, type AgencyRegister, type RegisterActor } from './agency-register';
import {
  ChangesQuery,
  CreateUserRequest,
  DisableUserRequest,
  RedirectUrisRequest,
  RegisterAgencyRequest,
  RegisterClientRequest,
  ResetPasswordRequest,
  RevokeClientRequest,
  RotateSecretRequest,
} from './admin-requests';

/** Everything under it is the register's admin API, served beside the OpenID endpoints. */
export const ADMIN_PATH = '/admin';
const MAX_BODY_BYTES = 64 * 1024;
const STATUS_OF_REFUSAL = { invalid: 422, 'not-found': 404, conflict: 409 } as const;

/** Checks a bearer token as the services do, against this issuer's own keys and revocations. */
export type AdminTokenVerifier = (token: string) => Promise<AgencyActor>;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle(context: { actor: RegisterActor; params: string[]; body: unknown; query: URLSearchParams }): Promise<{
    status: number;
    body: unknown;
  }>;
}

/**
 * The agency register's admin API: register agencies and their clients, rotate a secret, revoke a
 * client, create, reset and disable an agency's users, read the register and its changes. Only an
 * admin agency's token holding the `lintas.admin` scope may call it (its system's, or an admin
 * user's through the console). Secrets and passwords appear once, in the answer that made them;
 * answers are never cached; every refusal is problem+json.
 */
export function adminApi(
  register: AgencyRegister,
  verify: AdminTokenVerifier,
): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/admin\/agencies$/,
      handle: async () => ({ status: 200, body: { agencies: await register.agencies() } }),
    },
    {
      method: 'POST',
      pattern: /^\/admin\/agencies$/,
      handle: async ({ actor, body }) => {
        const request = await valid(RegisterAgencyRequest, body);
        return { status: 201, body: await register.registerAgency(request, actor) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/admin\/agencies\/([^/]+)$/,
      handle: async ({ params: [id] }) => {
        const found = await register.agency(String(id));
        if (!found) throw new RegisterRefusal('not-found', `no agency ${id}`);
        return { status: 200, body: found };
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/agencies\/([^/]+)\/clients$/,
      handle: async ({ actor, params: [agencyId], body }) => {
        const request = await valid(RegisterClientRequest, body);
        return { status: 201, body: await register.registerClient({ ...request, agencyId: String(agencyId) }, actor) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/clients\/([^/]+)\/secret$/,
      handle: async ({ actor, params: [clientId], body }) => {
        const request = await valid(RotateSecretRequest, body ?? {});
        const overlapMs = request.overlapSeconds === undefined ? undefined : request.overlapSeconds * 1000;
        return { status: 200, body: await register.rotateSecret(String(clientId), actor, overlapMs) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/clients\/([^/]+)\/revocation$/,
      handle: async ({ actor, params: [clientId], body }) => {
        const request = await valid(RevokeClientRequest, body);
        return { status: 200, body: { client: await register.revokeClient(String(clientId), request.reason, actor) } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/clients\/([^/]+)\/redirect-uris$/,
      handle: async ({ actor, params: [clientId], body }) => {
        const request = await valid(RedirectUrisRequest, body);
        return { status: 200, body: { client: await register.changeRedirectUris(String(clientId), request, actor) } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/admin\/agencies\/([^/]+)\/users$/,
      handle: async ({ params: [agencyId] }) => {
        const users = await register.usersOf(String(agencyId));
        if (!users) throw new RegisterRefusal('not-found', `no agency ${agencyId}`);
        return { status: 200, body: { users } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/agencies\/([^/]+)\/users$/,
      handle: async ({ actor, params: [agencyId], body }) => {
        const request = await valid(CreateUserRequest, body);
        return { status: 201, body: await register.createUser({ ...request, agencyId: String(agencyId) }, actor) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/admin\/users\/([^/]+)$/,
      handle: async ({ params: [userId] }) => {
        const user = await register.user(String(userId));
        if (!user) throw new RegisterRefusal('not-found', `no user ${userId}`);
        return { status: 200, body: { user } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/users\/([^/]+)\/password$/,
      handle: async ({ actor, params: [userId], body }) => {
        const request = await valid(ResetPasswordRequest, body ?? {});
        return { status: 200, body: await register.resetPassword(String(userId), actor, request) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/users\/([^/]+)\/disablement$/,
      handle: async ({ actor, params: [userId], body }) => {
        const request = await valid(DisableUserRequest, body);
        return { status: 200, body: { user: await register.disableUser(String(userId), request.reason, actor) } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/admin\/register-changes$/,
      handle: async ({ query }) => {
        const request = await valid(ChangesQuery, Object.fromEntries(query));
        return { status: 200, body: { changes: await register.changes(request.after ?? 0) } };
      },
    },
  ];

  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://admin');
    if (url.pathname !== ADMIN_PATH && !url.pathname.startsWith(`${ADMIN_PATH}/`)) return false;
    try {
      const matching = routes.filter((route) => route.pattern.test(url.pathname));
      if (matching.length === 0) throw new EdgeError(404, 'http.404', `no admin route ${url.pathname}`);
      const route = matching.find((candidate) => candidate.method === request.method);
      if (!route) {
        const allow = matching.map((candidate) => candidate.method).join(', ');
        throw new EdgeError(405, 'http.405', `${request.method} is not served here; use ${allow}`, {}, { allow });
      }
      const actor = await administrator(request, verify);
      const body = route.method === 'POST' ? await jsonBody(request) : undefined;
      const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map(decodeURIComponent);
      const answer = await route.handle({ actor, params, body, query: url.searchParams });
      send(response, answer.status, 'application/json', answer.body);
    } catch (error) {
      sendProblem(request, response, url.pathname, error);
    }
    return true;
  };
}

async function administrator(request: IncomingMessage, verify: AdminTokenVerifier): Promise<RegisterActor> {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) throw new NotAuthenticatedError('no bearer token');
  let actor: AgencyActor;
  try {
    actor = await verify(header.slice('Bearer '.length));
  } catch (error) {
    throw new NotAuthenticatedError(error instanceof Error && 'reason' in error ? String(error.reason) : undefined);
  }
  if (actor.kind !== 'admin') throw new NotAllowedError(actor.kind);
  if (!actor.scopes?.includes(ADMIN_SCOPE)) {
    throw new ScopeMissingError([ADMIN_SCOPE]);
  }
  return {
    clientId: actor.clientId,
    agencyId: actor.agencyId,
    ...(actor.userId !== undefined && { userId: actor.userId }),
  };
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  if (type !== 'application/json') {
    throw new EdgeError(415, 'request.unsupported-media-type', 'the body must be application/json');
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new EdgeError(400, 'request.malformed-json', 'the body is not valid JSON');
  }
}

const tooLarge = () => new EdgeError(413, 'request.too-large', `the body may hold ${MAX_BODY_BYTES} bytes at most`);

/** The body as the request class, or 400 naming every field that is wrong; unknown fields are refused. */
async function valid<T extends object>(type: ClassConstructor<T>, body: unknown): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequestError([{ field: '(body)', messages: ['must be a JSON object'] }]);
  }
  const instance = plainToInstance(type, body);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new InvalidRequestError(fieldErrors(errors));
  return instance;
}

function sendProblem(request: IncomingMessage, response: ServerResponse, path: string, error: unknown): void {
  let status = 500;
  let code = 'internal';
  let detail = 'the request could not be completed; it may be retried';
  let extra: Record<string, unknown> = {};
  if (error instanceof EdgeError) {
    ({ status, code, detail, extra } = error);
    for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
  } else if (error instanceof RegisterRefusal) {
    status = STATUS_OF_REFUSAL[error.code];
    code = `register.${error.code}`;
    detail = error.message;
  } else {
    // Not to the client: a database error may quote what was sent.
    console.error(JSON.stringify({ level: 'error', message: 'admin request failed', error: String(error) }));
  }
  const problem = {
    type: `${PROBLEM_BASE}${code}`,
    title: problemTitle(status, preferredLanguage(request.headers['accept-language'])),
    status,
    detail,
    code,
    instance: path,
    ...extra,
  };
  send(response, status, 'application/problem+json', problem);
}

function send(response: ServerResponse, status: number, type: string, body: unknown): void {
  response.writeHead(status, {
    'content-type': type,
    // Answers may carry a secret or a password shown once: no cache keeps it.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}
