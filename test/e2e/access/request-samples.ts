import type { OpenAPIObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';

/**
 * The smallest body an operation's published schema accepts: every required field, each with the
 * first value its schema allows, ids taken from `known` by field name (so a body names the objects
 * of the scene it is sent against). The schema is the contract the services publish, so a body made
 * from it that a service refuses as invalid is a finding too.
 */
export function sampleBody(
  document: OpenAPIObject,
  schema: SchemaObject | ReferenceObject | undefined,
  known: Record<string, string>,
): unknown {
  return sample(document, schema, known, undefined, 0);
}

/** The query string of an operation's required query parameters, each its schema's first allowed value ('' when none). */
export function sampleQuery(document: OpenAPIObject, parameters: (ParameterObject | ReferenceObject)[] = []): string {
  const query = new URLSearchParams();
  for (const parameter of parameters) {
    if ('$ref' in parameter || parameter.in !== 'query' || !parameter.required) continue;
    query.set(parameter.name, String(sample(document, parameter.schema, {}, undefined, 0)));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

function sample(
  document: OpenAPIObject,
  schema: SchemaObject | ReferenceObject | undefined,
  known: Record<string, string>,
  name: string | undefined,
  depth: number,
): unknown {
  if (!schema || depth > 8) return undefined;
  const resolved = resolve(document, schema);
  if (name && known[name] !== undefined) return known[name];
  const options = resolved.oneOf ?? resolved.anyOf;
  if (options?.[0]) return sample(document, options[0], known, name, depth + 1);
  if (resolved.allOf) {
    return Object.assign({}, ...resolved.allOf.map((part) => sample(document, part, known, undefined, depth + 1)));
  }
  if (resolved.enum) return resolved.enum[0];
  if (resolved.example !== undefined && resolved.format === undefined) return resolved.example;
  switch (resolved.type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const field of resolved.required ?? []) {
        body[field] = sample(document, resolved.properties?.[field], known, field, depth + 1);
      }
      return body;
    }
    case 'array': {
      const count = Math.max(1, resolved.minItems ?? 1);
      return Array.from({ length: count }, () => sample(document, resolved.items, known, undefined, depth + 1));
    }
    case 'integer':
    case 'number':
      return Math.max(resolved.minimum ?? 1, Math.min(resolved.maximum ?? 1, 1));
    case 'boolean':
      return true;
    default:
      return sampleString(resolved);
  }
}

/** Strings a pattern may ask for: region codes (kabupaten, kecamatan), a phone number, a NIK. */
const PATTERNED = ['3507', '350701', '35', '081234567890', '+6281234567890', '3507015708850001'];

function sampleString(schema: SchemaObject): string {
  if (schema.format === 'date-time') return new Date(Date.now() - 3_600_000).toISOString();
  if (schema.format === 'date') return new Date().toISOString().slice(0, 10);
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const fitting = PATTERNED.find((candidate) => pattern.test(candidate));
    if (fitting) return fitting;
  }
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

function resolve(document: OpenAPIObject, schema: SchemaObject | ReferenceObject): SchemaObject {
  if (!('$ref' in schema)) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const found = document.components?.schemas?.[name];
  if (!found) throw new Error(`the document has no schema ${name}`);
  return resolve(document, found);
}
