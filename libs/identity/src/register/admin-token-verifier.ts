import { createLocalJWKSet, type JWK } from 'jose';
import { verifyAccessToken } from '@lintas/platform/http/agency/access-token';
import { publicKeysOf } from '../signing-key';
import type { AgencyRegister } from './agency-register';
import type { AdminTokenVerifier } from './admin-api';

/**
 * The admin API's check of a bearer token: exactly the services' check (verifyAccessToken), with
 * this issuer's own public keys instead of a fetched JWKS, and the register's revocations read
 * directly, so that a revoked admin client or a disabled admin user is refused at once.
 */
export function adminTokenVerifier(options: {
  issuer: string;
  audience: string;
  signingKeys: JWK[];
  register: Pick<AgencyRegister, 'revoked' | 'revokedUsers'>;
}): AdminTokenVerifier {
  const keys = createLocalJWKSet({ keys: publicKeysOf(options.signingKeys) });
  return (token) =>
    verifyAccessToken(token, keys, {
      issuer: options.issuer,
      audience: options.audience,
      isRevoked: async (clientId, issuedAt, userId) =>
        (await options.register.revoked()).some(
          (revoked) => revoked.clientId === clientId && issuedAt <= revoked.revokedAt,
        ) ||
        (userId !== undefined &&
          (await options.register.revokedUsers()).some(
            (revoked) => revoked.userId === userId && issuedAt <= revoked.revokedAt,
          )),
    });
}
