import { once } from 'node:events';
import { createServer } from 'node:http';
import { createIdentityProvider, type IdentityClient } from '@lintas/identity/identity-provider';
import { InvalidEnvironmentError, loadEnv } from '@lintas/platform/config/load-env';
import { createLogger } from '@lintas/platform/logging/json-logger';
import { logProcessWarnings } from '@lintas/platform/logging/process-warnings';
import { IdentityEnv } from './identity-env';
import { IdentityFileError, readClients, readSigningKeys } from './identity-files';

const SERVICE = 'identity';
// EX_CONFIG from sysexits.h, as the other services: orchestrators can tell a bad setting from a crash.
const EXIT_BAD_CONFIGURATION = 78;

function refuseToStart(problems: string[], message: string): never {
  createLogger(SERVICE, 'fatal').fatal({ problems }, `${SERVICE} cannot start. ${message}`);
  process.exit(EXIT_BAD_CONFIGURATION);
}

async function main(): Promise<void> {
  let env: IdentityEnv;
  try {
    env = loadEnv(IdentityEnv, process.env);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    refuseToStart(error.problems, error.message);
  }
  const logger = createLogger(SERVICE, env.LOG_LEVEL);
  logProcessWarnings(logger);
  const production = env.NODE_ENV === 'production';
  const issuer = env.IDENTITY_ISSUER ?? `http://127.0.0.1:${env.PORT}`;

  let clients: IdentityClient[] | undefined;
  let signing: Awaited<ReturnType<typeof readSigningKeys>>;
  try {
    [clients, signing] = await Promise.all([
      readClients(env.IDENTITY_CLIENTS_FILE),
      readSigningKeys(env.IDENTITY_SIGNING_KEYS_FILE, !production),
    ]);
  } catch (error) {
    if (!(error instanceof IdentityFileError)) throw error;
    refuseToStart(error.problems, error.message);
  }
  if (clients === undefined) {
    if (production) refuseToStart([`${env.IDENTITY_CLIENTS_FILE}: no such file`], 'IDENTITY_CLIENTS_FILE is missing');
    logger.warn({ file: env.IDENTITY_CLIENTS_FILE }, 'no clients file: no client can get a token');
  }
  if (signing.created) {
    logger.warn({ file: env.IDENTITY_SIGNING_KEYS_FILE }, 'no signing keys file: created one with a new ES256 key');
  }

  const directory = new Map((clients ?? []).map((client) => [client.clientId, client]));
  const provider = createIdentityProvider({
    issuer,
    audience: env.ACCESS_TOKEN_AUDIENCE,
    clients: { find: (clientId) => directory.get(clientId) },
    signingKeys: signing.keys,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
  });
  // An https issuer served over plain HTTP sits behind a TLS proxy: the endpoints that discovery
  // names must be built from the proxy's X-Forwarded-Proto and Host, not from this socket.
  provider.proxy = new URL(issuer).protocol === 'https:';
  // Only names and codes: the request (ctx) carries the client's credentials.
  provider.on('server_error', (ctx, error) => {
    logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack }, path: ctx.path },
      'request failed',
    );
  });
  provider.on('grant.error', (ctx, error) => {
    logger.info(
      { error: error.error, clientId: ctx.oidc?.client?.clientId },
      `token refused: ${error.error_description}`,
    );
  });

  const server = createServer(provider.callback());
  server.listen(env.PORT, env.HOST);
  await once(server, 'listening');
  logger.info(
    { issuer, port: env.PORT, host: env.HOST, clients: directory.size, keys: signing.keys.map((key) => key.kid) },
    `${SERVICE} listening`,
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, `${SERVICE} stopping`);
      server.close(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  createLogger(SERVICE, 'fatal').fatal({ err: error }, `${SERVICE} failed`);
  process.exit(1);
});
