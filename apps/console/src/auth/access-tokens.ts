import type { Logger } from 'pino';
import type { OidcClient, TokenSet } from './oidc-client';
import type { Session } from './sessions';

/** A token this close to its end is renewed first: a call must not arrive with a dead one. */
const RENEW_BEFORE_MS = 30_000;

/**
 * The user's access token for a call to a service: the session's, renewed by its refresh token
 * when it is about to expire (once for all the parallel calls of a page). Undefined when the user
 * must sign in again (no refresh token, or the issuer refused it).
 */
export async function freshAccessToken(
  session: Session,
  oidc: OidcClient,
  logger: Logger,
  now = Date.now(),
): Promise<string | undefined> {
  const tokens = session.tokens;
  if (!tokens) return undefined;
  if (tokens.expiresAt - now > RENEW_BEFORE_MS) return tokens.accessToken;
  if (!tokens.refreshToken) return undefined;
  session.refreshing ??= refresh(session, tokens, oidc, logger).finally(() => (session.refreshing = undefined));
  return (await session.refreshing)?.accessToken;
}

async function refresh(
  session: Session,
  tokens: TokenSet,
  oidc: OidcClient,
  logger: Logger,
): Promise<TokenSet | undefined> {
  try {
    const renewed = await oidc.refresh(tokens.refreshToken ?? '');
    session.tokens = { ...renewed, idToken: renewed.idToken ?? tokens.idToken };
    return session.tokens;
  } catch (error) {
    logger.info(
      { reason: error instanceof Error ? error.message : String(error) },
      'token refresh refused: sign in again',
    );
    session.tokens = undefined;
    return undefined;
  }
}
