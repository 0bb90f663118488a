import { ParseIntPipe, ParseUUIDPipe, RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DECORATORS, type SchemaObject } from '@nestjs/swagger';
import { peopleReadBy } from '../access/read-shape';
import { Allow, Public, RequireScopes } from '../agency/agency.guard';
import { IfMatch, MinPosition, NewId } from '../request-context';

/** What the Nest metadata of one route says that the generated document does not. */
export interface RouteFacts {
  controller: Type;
  handler: string;
  /** How many routes its controller has, itself included. */
  siblings: number;
  /** Lower case, as in an OpenAPI path item: `get`, `post`… */
  method: string;
  /** Each path the route answers, OpenAPI style (`/cases/{caseId}`), without a global prefix. */
  paths: string[];
  /** `@Public()`: no token needed. */
  isPublic: boolean;
  /** `@Allow(...)`: the agency kinds it lets in; empty when it names none (closed). */
  allowedKinds: string[];
  /** `@RequireScopes(...)`: scopes the token must carry besides an allowed kind. */
  requiredScopes: string[];
  /** A read of people's data: each call leaves an access record (the personal fields its answer may carry). */
  recordedRead?: { personalFields: string[] };
  usesIfMatch: boolean;
  usesMinPosition: boolean;
  usesNewId: boolean;
  /** What a pipe on a path parameter requires of it: `ParseUUIDPipe` a UUID, `ParseIntPipe` an integer. */
  pathParameterSchemas: Record<string, SchemaObject>;
  /** Set with `@ApiOperation({ operationId })`; the document then carries that one. */
  explicitOperationId?: string;
  /** Set with `@ApiTags(...)` on the handler or its controller. */
  explicitTags?: string[];
}

interface ParamArgument {
  index: number;
  data?: unknown;
  pipes?: unknown[];
  factory?: unknown;
}

/** The metadata keys behind `@Allow`, `@Public` and `@RequireScopes`, read off the decorators rather than copied. */
const ALLOWED_KINDS_KEY = Allow().KEY;
const PUBLIC_KEY = Public().KEY;
const REQUIRED_SCOPES_KEY = RequireScopes().KEY;

/** Each parameter decorator's factory, found by applying it once to a probe. */
function factoryOf(decorator: () => ParameterDecorator): unknown {
  class Probe {
    handle(): void {}
  }
  decorator()(Probe.prototype, 'handle', 0);
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handle') as Record<string, ParamArgument>;
  return Object.values(args)[0]?.factory;
}

const IF_MATCH = factoryOf(IfMatch);
const MIN_POSITION = factoryOf(MinPosition);
const NEW_ID = factoryOf(NewId);

/** Every route of every controller the application registered. */
export function readRouteFacts(app: INestApplication): RouteFacts[] {
  const seen = new Set<Type>();
  const routes: RouteFacts[] = [];
  for (const controller of controllersOf(app)) {
    if (seen.has(controller)) continue;
    seen.add(controller);
    if (Reflect.getMetadata(DECORATORS.API_EXCLUDE_CONTROLLER, controller)?.[0] === true) continue;
    const own = handlerNames(controller).flatMap((handler) => readRoute(controller, handler) ?? []);
    routes.push(...own.map((route) => ({ ...route, siblings: own.length })));
  }
  return routes;
}

interface ContainerLike {
  getModules(): Map<unknown, { controllers: Map<unknown, { metatype: unknown }> }>;
}

/** The same walk SwaggerModule makes: the application's container, module by module. */
function controllersOf(app: INestApplication): Type[] {
  const container = (app as unknown as { container?: ContainerLike }).container;
  if (!container) return [];
  return [...container.getModules().values()].flatMap((module) =>
    [...module.controllers.values()].map((wrapper) => wrapper.metatype).filter(isClass),
  );
}

function isClass(value: unknown): value is Type {
  return typeof value === 'function';
}

function handlerNames(controller: Type): string[] {
  const names = new Set<string>();
  for (let proto = controller.prototype as object | null; proto && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor') names.add(name);
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return [...names];
}

function readRoute(controller: Type, handler: string): Omit<RouteFacts, 'siblings'> | undefined {
  const descriptor = findDescriptor(controller.prototype as object, handler);
  const fn: unknown = descriptor?.value;
  if (typeof fn !== 'function') return undefined;
  const requestMethod = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
  const methodPath = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
  if (requestMethod === undefined || methodPath === undefined) return undefined;
  if (Reflect.getMetadata(DECORATORS.API_EXCLUDE_ENDPOINT, fn)?.disable === true) return undefined;

  const override = <T>(key: string): T | undefined =>
    (Reflect.getMetadata(key, fn) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
  const args = Object.entries(
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) as Record<string, ParamArgument> | undefined) ?? {},
  );
  const uses = (factory: unknown) => factory !== undefined && args.some(([, arg]) => arg.factory === factory);
  const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, fn) as { operationId?: string } | undefined;
  const tags = [
    ...((Reflect.getMetadata(DECORATORS.API_TAGS, controller) as string[] | undefined) ?? []),
    ...((Reflect.getMetadata(DECORATORS.API_TAGS, fn) as string[] | undefined) ?? []),
  ];

  return {
    controller,
    handler,
    method: RequestMethod[requestMethod].toLowerCase(),
    paths: joinPaths(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined, methodPath),
    isPublic: override<boolean>(PUBLIC_KEY) === true,
    allowedKinds: [...(override<string[]>(ALLOWED_KINDS_KEY) ?? [])],
    requiredScopes: [...(override<string[]>(REQUIRED_SCOPES_KEY) ?? [])],
    ...recordedRead(fn, requestMethod),
    usesIfMatch: uses(IF_MATCH),
    usesMinPosition: uses(MIN_POSITION),
    usesNewId: uses(NEW_ID),
    pathParameterSchemas: pathParameterSchemas(args),
    ...(operation?.operationId ? { explicitOperationId: operation.operationId } : {}),
    ...(tags.length > 0 ? { explicitTags: [...new Set(tags)] } : {}),
  };
}

function findDescriptor(proto: object | null, name: string): PropertyDescriptor | undefined {
  for (; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}

function joinPaths(controllerPath: string | string[] | undefined, methodPath: string | string[]): string[] {
  const prefixes = Array.isArray(controllerPath) ? controllerPath : [controllerPath ?? ''];
  const suffixes = Array.isArray(methodPath) ? methodPath : [methodPath];
  return prefixes.flatMap((prefix) => suffixes.map((suffix) => openApiPath(`${prefix}/${suffix}`)));
}

/** `cases//:caseId/` → `/cases/{caseId}`, as SwaggerModule writes paths. */
export function openApiPath(path: string): string {
  const joined = `/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return joined.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function pathParameterSchemas(args: [string, ParamArgument][]): Record<string, SchemaObject> {
  const schemas: Record<string, SchemaObject> = {};
  for (const [key, arg] of args) {
    if (!key.startsWith(`${RouteParamtypes.PARAM}:`) || typeof arg.data !== 'string') continue;
    const pipes = arg.pipes ?? [];
    const has = (pipe: Type) => pipes.some((p) => p === pipe || p instanceof pipe);
    if (has(ParseUUIDPipe)) schemas[arg.data] = { type: 'string', format: 'uuid' };
    else if (has(ParseIntPipe)) schemas[arg.data] = { type: 'integer' };
  }
  return schemas;
}

/** As AuditedReads decides at run time (peopleReadBy): a GET, or a write marked to, whose declared answer is about people. */
function recordedRead(handler: object, method: RequestMethod): Pick<RouteFacts, 'recordedRead'> {
  const shape = peopleReadBy(handler, RequestMethod[method]);
  return shape ? { recordedRead: { personalFields: shape.personalFields } } : {};
}
