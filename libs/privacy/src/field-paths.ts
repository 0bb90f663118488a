/**
 * Dot paths to the personal fields of a record: `name`, `identity.nik`, `family.contacts[].phone`
 * (`[]`: every element of an array). A path that is not there is skipped, since most personal
 * fields are optional; so a misspelt path protects nothing, and each event type's paths need a test.
 */
export type FieldPathStep = { readonly key: string } | typeof EACH;

const EACH = '[]';
const SEGMENT = /^([^.[\]]+)((?:\[\])*)$/;
// Paths are configuration, but a copy made by assigning one of these would change a prototype.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const PARSED_LIMIT = 1_000;
const parsed = new Map<string, readonly FieldPathStep[]>();

export function parseFieldPath(path: string): readonly FieldPathStep[] {
  const known = parsed.get(path);
  if (known) return known;
  const steps: FieldPathStep[] = [];
  for (const segment of path.split('.')) {
    const match = SEGMENT.exec(segment);
    if (!match?.[1] || FORBIDDEN_KEYS.has(match[1])) {
      throw new Error(`Invalid field path '${path}': expected names joined by dots, such as 'family.contacts[].phone'`);
    }
    steps.push({ key: match[1] });
    for (let i = 0; i < (match[2]?.length ?? 0) / EACH.length; i++) steps.push(EACH);
  }
  // Paths come from code, a few per event type; the bound only guards against paths built from data.
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(path, steps);
  return steps;
}

/** Every value found at the path (several through `[]`), in document order. */
export function valuesAt(data: unknown, path: string): unknown[] {
  const found: unknown[] = [];
  collect(data, parseFieldPath(path), 0, found);
  return found;
}

/**
 * A copy of `data` in which each value found at the path is replaced by `update(value)`. Neither
 * input nor output is ever mutated: containers on the path are copied (class instances become plain
 * objects), and everything else is shared, so treat both as immutable. The type is kept for the
 * caller's convenience even though `update` may change the type of the values it replaces.
 */
export function updateAt<T>(data: T, path: string, update: (value: unknown) => unknown): T {
  return replace(data, parseFieldPath(path), 0, update) as T;
}

export function setAt<T>(data: T, path: string, value: unknown): T {
  return updateAt(data, path, () => value);
}

function collect(node: unknown, steps: readonly FieldPathStep[], at: number, found: unknown[]): void {
  const step = steps[at];
  if (step === undefined) {
    found.push(node);
  } else if (step === EACH) {
    if (Array.isArray(node)) for (const element of node) collect(element, steps, at + 1, found);
  } else if (isRecord(node) && Object.hasOwn(node, step.key)) {
    collect(node[step.key], steps, at + 1, found);
  }
}

function replace(
  node: unknown,
  steps: readonly FieldPathStep[],
  at: number,
  update: (value: unknown) => unknown,
): unknown {
  const step = steps[at];
  if (step === undefined) return update(node);
  if (step === EACH) return Array.isArray(node) ? node.map((element) => replace(element, steps, at + 1, update)) : node;
  if (!isRecord(node) || !Object.hasOwn(node, step.key)) return node;
  return { ...node, [step.key]: replace(node[step.key], steps, at + 1, update) };
}

// Any object, not only plain ones: an event may be a class instance, and skipping it would leave
// its personal fields in clear.
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
