import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/**
 * A new private signing key as a JWK, named by its thumbprint (RFC 7638), so that its `kid`
 * says which key it is wherever it is published.
 */
export async function generateSigningKey(alg: 'ES256' | 'EdDSA' = 'ES256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg, use: 'sig', kid: await calculateJwkThumbprint(jwk) };
}

/** The public halves of private JWKs, as a JWKS publishes them. */
export function publicKeysOf(keys: JWK[]): JWK[] {
  return keys.map(({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, k: _k, ...rest }) => rest);
}
