import type { SchemaObject } from 'ajv';

/**
 * The few shapes every contract is made of, so that each contract reads as its fields. Every
 * object refuses unknown properties: a contract says all that travels.
 */
export const uuid: SchemaObject = { type: 'string', format: 'uuid' };
export const text: SchemaObject = { type: 'string', minLength: 1, maxLength: 2000 };
export const instant: SchemaObject = { type: 'string', format: 'date-time' };
export const date: SchemaObject = { type: 'string', format: 'date' };
/** A Kemendagri region code: province (2), kabupaten/kota (4), kecamatan (6) or desa (10) digits. */
export const regionCode: SchemaObject = { type: 'string', pattern: '^(\\d{2}|\\d{4}|\\d{6}|\\d{10})$' };
/** An agency's id in Lintas, e.g. `dinsos-3571` or `rsj-lawang`. */
export const agencyId: SchemaObject = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' };

export function oneOf(values: readonly string[]): SchemaObject {
  return { type: 'string', enum: [...values] };
}

export function listOf(items: SchemaObject): SchemaObject {
  return { type: 'array', items, maxItems: 100 };
}

export function nullable(schema: SchemaObject): SchemaObject {
  return { ...schema, type: [schema.type as string, 'null'] };
}

/** An object with the required fields and, after them, the optional ones. */
export function record(
  required: Record<string, SchemaObject>,
  optional: Record<string, SchemaObject> = {},
): SchemaObject {
  return {
    type: 'object',
    properties: { ...required, ...optional },
    required: Object.keys(required),
    additionalProperties: false,
  };
}
