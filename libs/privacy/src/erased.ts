/**
 * What an opened field shows once its person's key is destroyed (UU PDP erasure). A value, not an
 * error: a projection or an API answers "erased" and carries on with the rest of the record.
 */
export const ERASED = Object.freeze({ $erased: true as const });
export type Erased = typeof ERASED;

/** Also true for a copy that went through JSON (an API response, a stored projection). */
export function isErased(value: unknown): value is Erased {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$erased' && (value as { $erased: unknown }).$erased === true;
}
