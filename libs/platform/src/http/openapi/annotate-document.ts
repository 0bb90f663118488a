import type {
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
  TagObject,
} from '@nestjs/swagger';
import { HealthController } from '../../health/health.controller';
import { MetricsController } from '../../metrics/metrics.controller';
import {
  BEARER_DESCRIPTION,
  BEARER_SCHEME,
  HEADER_NAMES,
  HEADERS,
  LIVENESS,
  PARAMETERS,
  PROBLEM_STATUS,
  READINESS_REPORT,
  RESPONSES,
  SCHEMAS,
  type ProblemResponse,
} from './agency-api-components';
import type { RouteFacts } from './route-facts';

/**
 * Completes the document SwaggerModule generated with what the HTTP edge does to every route, read
 * from each route's Nest metadata, so that no service repeats it per route: who may call it
 * (`@Allow`, `@Public`), the headers it reads (Idempotency-Key, If-Match, X-Lintas-Min-Position),
 * the headers and problems it answers with, and names a client generator can use.
 */

type Operation = OperationObject & {
  'x-lintas-allowed-agency-kinds'?: string[];
  'x-lintas-recorded-read'?: { personalFields: string[] };
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Where this document itself is served, outside the agency guard. */
export const DOCUMENT_PATH = '/openapi.json';

const PLATFORM_TAGS: Record<string, string> = {
  admin: 'Administering this service: an admin agency whose token carries the `lintas.admin` scope.',
  health: 'Liveness and readiness probes for the orchestrator; public.',
  metrics: 'Prometheus metrics for the monitoring network; public, without personal data.',
  openapi: 'This document; public.',
};

export function annotateDocument(document: OpenAPIObject, routes: RouteFacts[]): OpenAPIObject {
  const added = addComponents(document);
  const find = routeFinder(routes);
  const operationIds = new Set<string>();
  const tagNames = new Set<string>();

  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation: Operation | undefined = item[method];
      if (!operation) continue;
      const route = find(operation, method, path);
      nameOperation(operation, route, path, operationIds);
      for (const tag of operation.tags ?? []) tagNames.add(tag);
      describeAccess(operation, route);
      if (route?.controller === HealthController) describeProbe(operation, route.handler);
      else if (route?.controller === MetricsController) describeMetrics(operation);
      else describeAgencyRoute(document, operation, route, method);
      item[method] = ordered(operation);
    }
  }

  document.paths[DOCUMENT_PATH] ??= { get: documentOperation() };
  tagNames.add('openapi');
  document.tags = [...(document.tags ?? [])];
  for (const name of [...tagNames].sort()) {
    if (!document.tags.some((tag) => tag.name === name)) document.tags.push(tagFor(name));
  }
  refuseUnknownFields(document);
  pruneUnused(document, added);
  return document;
}

const KEY_ORDER = [
  'operationId',
  'summary',
  'description',
  'tags',
  'security',
  'x-lintas-allowed-agency-kinds',
  'x-lintas-recorded-read',
];

/** The keys a reader looks for first, first; the rest (parameters, body, responses) as they were. */
function ordered(operation: Operation): Operation {
  const entries = Object.entries(operation);
  const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b))) as Operation;
}

// --- components ----------------------------------------------------------------------------

type ComponentKind = 'schemas' | 'parameters' | 'headers' | 'responses';

/** Adds the shared components; an app's own component of the same name and another shape is an error. */
function addComponents(document: OpenAPIObject): Map<ComponentKind, string[]> {
  const components = (document.components ??= {});
  const added = new Map<ComponentKind, string[]>();
  const add = (kind: ComponentKind, entries: Record<string, object>) => {
    const target = ((components as Record<string, Record<string, object> | undefined>)[kind] ??= {});
    for (const [name, value] of Object.entries(entries)) {
      const existing = target[name];
      if (existing && JSON.stringify(existing) !== JSON.stringify(value)) {
        throw new Error(`OpenAPI: components.${kind}.${name} is defined by the platform; rename the app's own`);
      }
      target[name] = structuredClone(value);
    }
    added.set(kind, Object.keys(entries));
  };
  add('schemas', { ...SCHEMAS, Liveness: LIVENESS, ReadinessReport: READINESS_REPORT });
  add('parameters', PARAMETERS);
  add('headers', HEADERS);
  add('responses', RESPONSES);
  const scheme = components.securitySchemes?.[BEARER_SCHEME];
  if (scheme && !('$ref' in scheme)) scheme.description = BEARER_DESCRIPTION;
  return added;
}

/** Drops the shared components no operation of this service refers to. */
function pruneUnused(document: OpenAPIObject, added: Map<ComponentKind, string[]>): void {
  const components = document.components as Record<string, Record<string, unknown> | undefined>;
  for (let removed = true; removed;) {
    removed = false;
    const text = JSON.stringify(document);
    for (const [kind, names] of added) {
      const unused = names.filter((name) => !text.includes(`"#/components/${kind}/${name}"`));
      const kept = Object.entries(components[kind] ?? {}).filter(([name]) => !unused.includes(name));
      if (kept.length === Object.keys(components[kind] ?? {}).length) continue;
      components[kind] = Object.fromEntries(kept);
      removed = true;
    }
  }
  const { securitySchemes = {}, ...others } = document.components ?? {};
  // A service with public routes only (the probes) has no use for the agency token.
  const secured = Object.values(document.paths).some((item) =>
    METHODS.some((method) => (item[method]?.security ?? []).some((requirement) => BEARER_SCHEME in requirement)),
  );
  const schemes = Object.entries(securitySchemes).filter(([name]) => secured || name !== BEARER_SCHEME);
  document.components = Object.fromEntries(
    [...Object.entries(others), ['securitySchemes', Object.fromEntries(schemes)]].filter(
      ([, entries]) => Object.keys(entries as object).length > 0,
    ),
  );
}

const ref = (kind: ComponentKind, name: string): ReferenceObject => ({ $ref: `#/components/${kind}/${name}` });

// --- matching operations to routes ---------------------------------------------------------

function routeFinder(routes: RouteFacts[]) {
  const byId = new Map<string, RouteFacts[]>();
  const byPath = new Map<string, RouteFacts[]>();
  const push = (map: Map<string, RouteFacts[]>, key: string, route: RouteFacts) =>
    map.set(key, [...(map.get(key) ?? []), route]);
  for (const route of routes) {
    // SwaggerModule's default operationId, or the one the route set itself.
    push(byId, route.explicitOperationId ?? `${route.controller.name}_${route.handler}`, route);
    for (const path of route.paths) push(byPath, `${route.method} ${path}`, route);
  }
  return (operation: Operation, method: string, path: string): RouteFacts | undefined => {
    const named = operation.operationId ? byId.get(operation.operationId) : undefined;
    if (named?.length === 1) return named[0];
    const atPath = byPath.get(`${method} ${path}`);
    return atPath?.length === 1 ? atPath[0] : undefined;
  };
}

// --- names: operationId, summary, tags -----------------------------------------------------

function nameOperation(operation: Operation, route: RouteFacts | undefined, path: string, taken: Set<string>): void {
  let id = route ? (route.explicitOperationId ?? operationIdOf(route)) : (operation.operationId ?? 'operation');
  for (let n = 2; taken.has(id); n += 1) id = `${id.replace(/_\d+$/, '')}_${n}`;
  taken.add(id);
  operation.operationId = id;

  // The swagger plugin makes a route's doc comment its summary: a sentence or more, ending with a
  // period. That goes to the description, and the summary says what the route does, from its name
  // ("Admit resident"). A summary set with @ApiOperation (one line, no final period) is kept.
  const given = operation.summary?.replace(/\s+/g, ' ').trim();
  if (given && (given.endsWith('.') || given.length > 100 || operation.summary?.includes('\n'))) {
    operation.description = operation.description ? `${given}\n\n${operation.description}` : given;
    operation.summary = route ? summaryOf(route) : firstClause(given);
  } else {
    operation.summary = given || (route ? summaryOf(route) : id);
  }

  const tags = route?.explicitTags ?? [tagOf(path)];
  operation.tags = tags;
}

/** `RequestReferralController.request` → `requestReferral`; `CaseloadController.incomingTransfers` → `caseloadIncomingTransfers`. */
function operationIdOf(route: RouteFacts): string {
  const base = lowerFirst(controllerBase(route));
  if (route.handler === base || route.siblings === 1) return base;
  return `${base}${upperFirst(route.handler)}`;
}

function summaryOf(route: RouteFacts): string {
  const base = words(controllerBase(route));
  if (route.handler === lowerFirst(controllerBase(route)) || route.siblings === 1) return upperFirst(base);
  return `${upperFirst(base)}: ${words(route.handler)}`;
}

function controllerBase(route: RouteFacts): string {
  return route.controller.name.replace(/(Http)?Controller$/, '') || route.controller.name;
}

function words(camel: string): string {
  return camel
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A summary is one line: the first sentence or clause of the route's comment (a `.`, `;` or `:`
 * outside parentheses ends it), at most 100 characters.
 */
function firstClause(text: string): string {
  let depth = 0;
  let end = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && '.;:'.includes(char) && (i + 1 === text.length || /\s/.test(text[i + 1]))) {
      end = i;
      break;
    }
  }
  let clause = text.slice(0, end).trim();
  if (clause.length > 100) clause = `${clause.slice(0, 99).replace(/\s+\S*$/, '')}…`;
  return clause;
}

/** Operations are grouped by their first path segment: `/cases/{caseId}/transfer` → `cases`. */
function tagOf(path: string): string {
  return path.split('/').find((segment) => segment && !segment.startsWith('{')) ?? 'root';
}

function tagFor(name: string): TagObject {
  return { name, description: PLATFORM_TAGS[name] ?? `Operations under \`/${name}\`.` };
}

// --- who may call ---------------------------------------------------------------------------

function describeAccess(operation: Operation, route: RouteFacts | undefined): void {
  if (route?.isPublic) {
    operation.security = [];
    appendDescription(operation, 'Public: no agency token needed.');
    return;
  }
  const kinds = route?.allowedKinds ?? [];
  operation.security = [{ [BEARER_SCHEME]: [] }];
  operation['x-lintas-allowed-agency-kinds'] = kinds;
  appendDescription(
    operation,
    kinds.length > 0
      ? `Allowed agency kinds: ${kinds.map((kind) => `\`${kind}\``).join(', ')}.`
      : 'Closed: the route names no agency kind that may call it, so every caller gets 403.',
  );
  const scopes = route?.requiredScopes ?? [];
  if (scopes.length > 0) {
    appendDescription(
      operation,
      `The token must also carry the scope ${scopes.map((scope) => `\`${scope}\``).join(', ')} (else 403).`,
    );
  }
  if (route?.recordedRead) {
    operation['x-lintas-recorded-read'] = route.recordedRead;
    appendDescription(
      operation,
      "A read of people's data: every call, granted or refused, leaves an access record (who, which persons, " +
        'which personal fields, when) before the answer leaves; see `GET /persons/{personId}/access-records`.',
    );
  }
}

function appendDescription(operation: Operation, sentence: string): void {
  operation.description = operation.description ? `${operation.description}\n\n${sentence}` : sentence;
}

// --- headers, answers and problems -----------------------------------------------------------

function describeAgencyRoute(
  document: OpenAPIObject,
  operation: Operation,
  route: RouteFacts | undefined,
  method: string,
): void {
  const secured = !route?.isPublic;
  const idempotent = method === 'post' && secured;
  const parameters = (operation.parameters ??= []);

  for (const parameter of parameters) {
    if ('$ref' in parameter || parameter.in !== 'path') continue;
    const schema = route?.pathParameterSchemas[parameter.name];
    if (schema) parameter.schema = { ...schema };
  }
  const addHeader = (name: keyof typeof PARAMETERS) => {
    const header = PARAMETERS[name].name.toLowerCase();
    const declared = parameters.some((p) =>
      '$ref' in p ? p.$ref.endsWith(`/${name}`) : p.in === 'header' && p.name.toLowerCase() === header,
    );
    if (!declared) parameters.push(ref('parameters', name));
  };
  if (idempotent) addHeader('IdempotencyKey');
  if (route?.usesIfMatch) addHeader('IfMatch');
  if (route?.usesMinPosition) addHeader('MinPosition');
  if (parameters.length === 0) delete operation.parameters;

  describeSuccess(document, operation, method, idempotent);

  const problems: ProblemResponse[] = [];
  const hasParameters = (operation.parameters ?? []).length > 0;
  if (method === 'post' || operation.requestBody || hasParameters) problems.push('BadRequest');
  if (secured) problems.push('Unauthorized', 'Forbidden');
  if ((operation.parameters ?? []).some((p) => !('$ref' in p) && p.in === 'path')) problems.push('NotFound');
  if (idempotent) problems.push('Conflict');
  if (route?.usesIfMatch) problems.push('PreconditionFailed');
  if (idempotent) problems.push('UnprocessableContent');
  if (secured) problems.push('ServiceUnavailable');
  if (route?.usesMinPosition) problems.push('GatewayTimeout');
  for (const problem of problems) operation.responses[PROBLEM_STATUS[problem]] ??= ref('responses', problem);
}

function describeSuccess(document: OpenAPIObject, operation: Operation, method: string, idempotent: boolean): void {
  const status = Object.keys(operation.responses).find((code) => /^2\d\d$/.test(code));
  if (!status) return;
  const response = operation.responses[status];
  if (!response || '$ref' in response) return;
  const media = response.content?.['application/json'];
  if (method === 'post' && status !== '204' && isUntyped(media?.schema)) {
    response.content = { ...response.content, 'application/json': { schema: ref('schemas', 'WriteResult') } };
  } else if (method === 'get' && !response.content) {
    // Nest answers a handler's value as JSON; which JSON, the route does not say (`npm run lint:api`
    // lists such routes): an integrator at least learns it is an object.
    response.content = { 'application/json': { schema: { type: 'object' } } };
  }
  if (!response.description) response.description = defaultDescription(status, method);

  const schema = resolve(document, response.content?.['application/json']?.schema);
  const headers: NonNullable<ResponseObject['headers']> = { ...response.headers };
  if (hasProperty(document, schema, 'version')) headers[HEADER_NAMES.ETag] ??= ref('headers', 'ETag');
  if (hasProperty(document, schema, 'position')) headers[HEADER_NAMES.Position] ??= ref('headers', 'Position');
  if (idempotent) headers[HEADER_NAMES.IdempotentReplayed] ??= ref('headers', 'IdempotentReplayed');
  if (Object.keys(headers).length > 0) response.headers = headers;
}

function defaultDescription(status: string, method: string): string {
  if (method === 'post') return 'Done: the new version and the position the write produced.';
  return status === '204' ? 'No content.' : 'OK.';
}

function isUntyped(schema: SchemaObject | ReferenceObject | undefined): boolean {
  if (!schema) return true;
  if ('$ref' in schema) return false;
  return (
    schema.type === 'object' &&
    !schema.properties &&
    !schema.additionalProperties &&
    !schema.allOf &&
    !schema.oneOf &&
    !schema.anyOf
  );
}

function resolve(
  document: OpenAPIObject,
  schema: SchemaObject | ReferenceObject | undefined,
): SchemaObject | undefined {
  for (let depth = 0; schema && '$ref' in schema && depth < 10; depth += 1) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    schema = document.components?.schemas?.[name];
  }
  return schema as SchemaObject | undefined;
}

function hasProperty(document: OpenAPIObject, schema: SchemaObject | undefined, name: string): boolean {
  if (!schema) return false;
  if (schema.properties?.[name]) return true;
  return (schema.allOf ?? []).some((part) => hasProperty(document, resolve(document, part), name));
}

function describeProbe(operation: Operation, handler: string): void {
  const schema = ref('schemas', handler === 'ready' ? 'ReadinessReport' : 'Liveness');
  operation.summary =
    handler === 'ready' ? 'Readiness: whether PostgreSQL (and Kafka) answer' : 'Liveness: whether the process answers';
  operation.responses = {
    '200': {
      description: handler === 'ready' ? 'Ready: every dependency answered.' : 'The process answers.',
      content: { 'application/json': { schema } },
    },
  };
  if (handler === 'ready') {
    operation.responses['503'] = {
      description: 'Not ready: the report names the dependency that did not answer.',
      content: { 'application/json': { schema } },
    };
  }
}

function describeMetrics(operation: Operation): void {
  operation.summary = 'Metrics in the Prometheus text format';
  operation.responses = {
    '200': {
      description: "The service's series and its process's, in the Prometheus text exposition format 0.0.4.",
      content: { 'text/plain': { schema: { type: 'string' } } },
    },
  };
}

function documentOperation(): Operation {
  return {
    operationId: 'openApiDocument',
    summary: 'This OpenAPI document',
    description: 'The OpenAPI 3.1 document of this service.\n\nPublic: no agency token needed.',
    tags: ['openapi'],
    security: [],
    responses: {
      '200': {
        description: 'The document.',
        content: { 'application/json': { schema: { type: 'object', description: 'An OpenAPI 3.1 document.' } } },
      },
    },
  };
}

// --- request bodies --------------------------------------------------------------------------

/**
 * The validation pipe refuses fields a DTO does not declare (forbidNonWhitelisted), nested DTOs
 * included: every schema a request body reaches says so.
 */
function refuseUnknownFields(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const visited = new Set<string>();
  const visit = (schema: SchemaObject | ReferenceObject | undefined): void => {
    if (!schema) return;
    if ('$ref' in schema) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (visited.has(name)) return;
      visited.add(name);
      const target = schemas[name];
      if (!target || '$ref' in target) return visit(target);
      if (target.properties && target.additionalProperties === undefined) target.additionalProperties = false;
      visit(target);
      return;
    }
    for (const property of Object.values(schema.properties ?? {})) visit(property);
    visit(schema.items);
    for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) visit(part);
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const body = item[method]?.requestBody;
      if (!body || '$ref' in body) continue;
      for (const media of Object.values(body.content)) visit(media.schema);
    }
  }
}
