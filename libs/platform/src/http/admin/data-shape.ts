export const DATA_SHAPE_TYPES = [
  'object',
  'array',
  'string',
  'number',
  'boolean',
  'null',
  'mixed',
  'not-json',
] as const;
export type DataShapeType = (typeof DATA_SHAPE_TYPES)[number];

/** What a message's data looks like without what it says: field names and JSON types, never a value. */
export interface DataShape {
  type: DataShapeType;
  /** An object's fields, each by its shape. */
  properties?: Record<string, DataShape>;
  /** The shape of an array's items; absent for an empty array. */
  items?: DataShape;
  /** Items of different shapes (`mixed`): each shape once. */
  anyOf?: DataShape[];
}

/** Deeper than any contract's data: what lies below is told only as its type. */
const MAX_DEPTH = 16;

/** The shape of a message value: its JSON's, or `not-json` (then nothing of it is told, not even its length). */
export function shapeOfValue(value: Buffer): DataShape {
  let data: unknown;
  try {
    data = JSON.parse(value.toString('utf8'));
  } catch {
    return { type: 'not-json' };
  }
  return shapeOf(data, 0);
}

export function shapeOf(data: unknown, depth = 0): DataShape {
  if (data === null) return { type: 'null' };
  if (Array.isArray(data)) {
    if (data.length === 0 || depth >= MAX_DEPTH) return { type: 'array' };
    const shapes = distinct(data.map((item) => shapeOf(item, depth + 1)));
    return { type: 'array', items: shapes.length === 1 ? shapes[0] : { type: 'mixed', anyOf: shapes } };
  }
  switch (typeof data) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object': {
      if (depth >= MAX_DEPTH) return { type: 'object' };
      const properties = Object.fromEntries(
        Object.entries(data as Record<string, unknown>).map(([name, value]) => [name, shapeOf(value, depth + 1)]),
      );
      return { type: 'object', properties };
    }
    default:
      return { type: 'mixed' };
  }
}

function distinct(shapes: DataShape[]): DataShape[] {
  const seen = new Map<string, DataShape>();
  for (const shape of shapes) seen.set(JSON.stringify(shape), shape);
  return [...seen.values()];
}
