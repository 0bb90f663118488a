import { once } from 'node:events';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createIdentityProvider, identityRequestListener } from '@lintas/identity/identity-provider';
import { adminApi } from '@lintas/identity/register/admin-api';
import { adminTokenVerifier } from '@lintas/identity/register/admin-token-verifier';
import { ADMIN_SCOPE, AgencyRegister, RegisterRefusal } from '@lintas/identity/register/agency-register';
import { InvalidEnvironmentError, loadEnv } from '@lintas/platform/config/load-env';
import { createLogger } from '@lintas/platform/logging/json-logger';
import { logProcessWarnings } from '@lintas/platform/logging/process-warnings';
import { IdentityEnv } from './identity-env';
import { IdentityFileError, readSigningKeys } from './identity-files';

const SERVICE = 'identity';
// EX_CONFIG and EX_USAGE from sysexits.h, as the other services: orchestrators can tell a bad setting from a crash.
const EXIT_BAD_CONFIGURATION = 78;
const EXIT_BAD_USAGE = 64;

function refuseToStart(problems: string[], message: string): never {
  createLogger(SERVICE, 'fatal').fatal({ problems }, `${SERVICE} cannot start. ${message}`);
  process.exit(EXIT_BAD_CONFIGURATION);
}

function loadSettings(): IdentityEnv {
  try {
    return loadEnv(IdentityEnv, process.env);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    refuseToStart(error.problems, error.message);
  }
}

/**
 * `main.ts bootstrap-admin --agency-id lintas-admin --name "…" --region 35`: the first admin agency
 * and its client, written straight into the register on the server itself (as Keycloak's
 * `kc.sh bootstrap-admin`), because the admin API needs an admin to call it. Prints the client id
 * and its secret once, on stdout, as JSON; every later agency goes through the admin API.
 */
async function bootstrapAdmin(env: IdentityEnv, args: string[]): Promise<void> {
  let values: { 'agency-id'?: string; name?: string; region?: string; 'client-id'?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'agency-id': { type: 'string' },
        name: { type: 'string' },
        region: { type: 'string' },
        'client-id': { type: 'string' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT_BAD_USAGE);
  }
  const agencyId = values['agency-id'] ?? 'lintas-admin';
  const register = await AgencyRegister.open(env.DATABASE_URL, env.IDENTITY_REGISTER_SCHEMA);
  const by = { clientId: 'bootstrap', agencyId: 'bootstrap' };
  try {
    if (!(await register.agency(agencyId))) {
      await register.registerAgency(
        {
          id: agencyId,
          kind: 'admin',
          name: values.name ?? 'Lintas administrators',
          regionCode: values.region ?? '35',
        },
        by,
      );
    }
    const { client, secret } = await register.registerClient(
      { agencyId, scopes: [ADMIN_SCOPE], ...(values['client-id'] && { clientId: values['client-id'] }) },
      by,
    );
    process.stdout.write(`${JSON.stringify({ clientId: client.clientId, secret, scope: ADMIN_SCOPE })}\n`);
  } catch (error) {
    if (!(error instanceof RegisterRefusal)) throw error;
    process.stderr.write(`bootstrap-admin refused: ${error.message}\n`);
    process.exitCode = EXIT_BAD_USAGE;
  } finally {
    await register.close();
  }
}

async function serve(env: IdentityEnv): Promise<void> {
  const logger = createLogger(SERVICE, env.LOG_LEVEL);
  logProcessWarnings(logger);
  const production = env.NODE_ENV === 'production';
  const issuer = env.IDENTITY_ISSUER ?? `http://127.0.0.1:${env.PORT}`;

  let signing: Awaited<ReturnType<typeof readSigningKeys>>;
  try {
    signing = await readSigningKeys(env.IDENTITY_SIGNING_KEYS_FILE, !production);
  } catch (error) {
    if (!(error instanceof IdentityFileError)) throw error;
    refuseToStart(error.problems, error.message);
  }
  if (signing.created) {
    logger.warn({ file: env.IDENTITY_SIGNING_KEYS_FILE }, 'no signing keys file: created one with a new ES256 key');
  }
  const register = await AgencyRegister.open(env.DATABASE_URL, env.IDENTITY_REGISTER_SCHEMA);

  const provider = createIdentityProvider({
    issuer,
    audience: env.ACCESS_TOKEN_AUDIENCE,
    clients: register,
    users: register,
    // Shared by every instance: a login page served by one is posted to another.
    state: register.providerState,
    signingKeys: signing.keys,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    // Never a password, nor what was typed as the user id of a refused sign-in (people type their password there).
    onSignIn: (event) => logger.info(event, `sign-in: ${event.outcome}`),
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

  const admin = adminApi(
    register,
    adminTokenVerifier({ issuer, audience: env.ACCESS_TOKEN_AUDIENCE, signingKeys: signing.keys, register }),
  );
  const server = createServer(identityRequestListener(provider, admin));
  server.listen(env.PORT, env.HOST);
  await once(server, 'listening');
  logger.info(
    { issuer, port: env.PORT, host: env.HOST, keys: signing.keys.map((key) => key.kid) },
    `${SERVICE} listening`,
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, `${SERVICE} stopping`);
      server.close(() => void register.close().then(() => process.exit(0)));
      server.closeIdleConnections();
    });
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const env = loadSettings();
  if (command === undefined) return serve(env);
  if (command === 'bootstrap-admin') return bootstrapAdmin(env, args);
  process.stderr.write(`unknown command ${command}; the commands: (none: serve), bootstrap-admin\n`);
  process.exit(EXIT_BAD_USAGE);
}

main().catch((error: unknown) => {
  createLogger(SERVICE, 'fatal').fatal({ err: error }, `${SERVICE} failed`);
  process.exit(1);
});
