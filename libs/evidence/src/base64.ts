/**
 * Node's base64 decoder skips characters it does not know, so two different texts can decode to the
 * same bytes. Evidence must have one spelling per value: only the canonical (padded) form decodes.
 */
export function decodeBase64(text: unknown, byteLength?: number): Buffer | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  if (byteLength !== undefined && bytes.length !== byteLength) return undefined;
  return bytes;
}

/** The same for base64url without padding, the spelling of JWK members (RFC 7517). */
export function decodeBase64Url(text: unknown, byteLength?: number): Buffer | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) return undefined;
  if (byteLength !== undefined && bytes.length !== byteLength) return undefined;
  return bytes;
}
