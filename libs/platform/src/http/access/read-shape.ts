import { SetMetadata } from '@nestjs/common';
import { DECORATORS, getSchemaPath } from '@nestjs/swagger';
import { ErasedValue } from '../openapi/personal-data.schema';

/**
 * What a route's answer can tell about people, read off its declared response type (the same
 * metadata its OpenAPI document comes from, so the record of a read cannot drift from the answer).
 */
export interface ReadShape {
  /** Paths of the fields declared `personal(...)` (sealed under the person's key): `identity.name`, `items[].nik`. */
  personalFields: string[];
  /** Whether the answer names persons (a `personId` or `persons` field): whom it is about is itself sensitive. */
  namesPersons: boolean;
}

const NOTHING: ReadShape = { personalFields: [], namesPersons: false };
const ERASED_REF = getSchemaPath(ErasedValue);
const SCALARS = new Set<unknown>([String, Number, Boolean, Date, Object, Array]);

interface PropertyMetadata {
  type?: unknown;
  anyOf?: Array<{ $ref?: string }>;
  items?: unknown;
}

const RECORDS_READ = 'lintas:records-read';

/**
 * A write whose answer shows people besides the one it writes about (an identification answers the
 * earlier persons who may be the same one): its answer is recorded as a read, as a GET's is.
 */
export const RecordsRead = () => SetMetadata(RECORDS_READ, true);

/**
 * The route's read shape when a request of `method` to it reads people's data — a GET, or a route
 * marked `@RecordsRead()`, whose declared answer carries personal fields or names persons — else
 * undefined. The one rule for the records kept at run time and the route's OpenAPI document.
 */
export function peopleReadBy(handler: object, method: string): ReadShape | undefined {
  if (method !== 'GET' && Reflect.getMetadata(RECORDS_READ, handler) !== true) return undefined;
  const shape = readShapeOf(handler);
  return shape.personalFields.length > 0 || shape.namesPersons ? shape : undefined;
}

/** The shape of the answer a handler declares with `@ApiOkResponse` (or `@ApiCreatedResponse`) `({ type })`; nothing when none. */
export function readShapeOf(handler: object): ReadShape {
  const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) as
    Record<string, { type?: unknown }> | undefined;
  const type = responses?.['200']?.type ?? responses?.['201']?.type;
  if (type === undefined) return NOTHING;
  const shape: ReadShape = { personalFields: [], namesPersons: false };
  walk(type, '', shape, new Set());
  return shape;
}

function walk(type: unknown, prefix: string, shape: ReadShape, seen: Set<unknown>): void {
  const model = modelOf(type);
  if (!model || seen.has(model)) return;
  seen.add(model);
  const prototype = model.prototype as object;
  const names = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototype) as string[] | undefined) ?? [];
  for (const name of names.map((n) => n.replace(/^:/, ''))) {
    const property = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, name) as PropertyMetadata;
    const path = `${prefix}${name}`;
    if (name === 'personId' || name === 'persons') shape.namesPersons = true;
    if (property.anyOf?.some((schema) => schema.$ref === ERASED_REF)) {
      shape.personalFields.push(path);
      continue;
    }
    const nested = Array.isArray(property.type) ? property.type[0] : property.type;
    const isArray = Array.isArray(property.type) || (property as { isArray?: boolean }).isArray === true;
    walk(nested, `${path}${isArray ? '[]' : ''}.`, shape, new Set(seen));
  }
}

/** A DTO class, also when given lazily (`type: () => Foo`) or as `[Foo]`; undefined for scalars and schemas. */
function modelOf(type: unknown): (abstract new () => unknown) | undefined {
  const candidate = Array.isArray(type) ? (type[0] as unknown) : type;
  if (typeof candidate !== 'function' || SCALARS.has(candidate)) return undefined;
  if (!candidate.prototype) return modelOf((candidate as () => unknown)());
  return candidate as abstract new () => unknown;
}

/** Which of the declared personal paths hold a value in this answer (an erased or null one tells nothing). */
export function personalFieldsIn(body: unknown, paths: readonly string[]): string[] {
  return paths.filter((path) => valuesAt(body, path.split('.')).some(isTelling));
}

function valuesAt(value: unknown, segments: readonly string[]): unknown[] {
  if (segments.length === 0) return [value];
  if (value === null || typeof value !== 'object') return [];
  const [head = '', ...rest] = segments;
  const many = head.endsWith('[]');
  const child = (value as Record<string, unknown>)[many ? head.slice(0, -2) : head];
  if (many) return Array.isArray(child) ? child.flatMap((item) => valuesAt(item, rest)) : [];
  return valuesAt(child, rest);
}

function isTelling(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return !(typeof value === 'object' && (value as { $erased?: unknown }).$erased === true);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every person an answer names, in the order first met: `personId` values and `persons` lists. */
export function personsNamedIn(body: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'personId' && typeof child === 'string' && UUID.test(child)) found.add(child.toLowerCase());
      else if (key === 'persons' && Array.isArray(child)) {
        for (const id of child) if (typeof id === 'string' && UUID.test(id)) found.add(id.toLowerCase());
      } else visit(child);
    }
  };
  visit(body);
  return [...found];
}
