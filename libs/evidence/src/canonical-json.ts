/**
 * RFC 8785 (JSON Canonicalization Scheme) for JSON data: one spelling per value, so that a hash or
 * signature over it survives a round trip through any JSON parser and printer. Members sorted by
 * their names' UTF-16 code units, no whitespace, numbers and strings as ECMAScript prints them
 * (which is what RFC 8785 prescribes). Anything JSON cannot hold throws rather than vanish or
 * change silently, as JSON.stringify would let it: a hash over a value that is not the one stored
 * proves nothing.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, new Set<object>());
}

// RFC 8785 takes I-JSON (RFC 7493), which forbids unpaired surrogates: they have no UTF-8 form.
const LONE_SURROGATE = /\p{Cs}/u;

function serialize(value: unknown, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no number ${value}`);
      return JSON.stringify(value);
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new TypeError('canonical JSON has no string with an unpaired surrogate');
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return serializeContainer(value, ancestors);
    default:
      throw new TypeError(`canonical JSON has no ${typeof value}`);
  }
}

function serializeContainer(value: object, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new TypeError('canonical JSON has no cyclic value');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return serializeArray(value, ancestors);
    const prototype: unknown = Object.getPrototypeOf(value);
    // A Date, Map or class instance would print as something other than its own fields (or as {}).
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError(`canonical JSON takes plain objects, not a ${value.constructor.name}`);
    }
    const members: string[] = [];
    for (const name of Object.keys(value).sort()) {
      const member: unknown = (value as Record<string, unknown>)[name];
      if (member === undefined) continue;
      members.push(`${serialize(name, ancestors)}:${serialize(member, ancestors)}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

function serializeArray(value: readonly unknown[], ancestors: Set<object>): string {
  const items: string[] = [];
  // An index loop, not map: map skips the holes of a sparse array, which must throw like undefined.
  for (let i = 0; i < value.length; i += 1) {
    const item = value[i];
    if (item === undefined) throw new TypeError(`canonical JSON has no undefined (array item ${i})`);
    items.push(serialize(item, ancestors));
  }
  return `[${items.join(',')}]`;
}
