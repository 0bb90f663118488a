import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { JsonLogger } from '@lintas/platform/logging/json-logger';
import { OidcClient } from './auth/oidc-client';
import { Sessions } from './auth/sessions';
import type { ConsoleEnv } from './console-env';
import { ConsoleModule } from './console.module';
import { consoleRequestState } from './web/console-request';
import { PageErrorsFilter } from './web/page-errors.filter';
import { securityHeaders } from './web/security-headers';

/** The console's Nest app, ready to listen: the session is read before any page, errors become pages. */
export async function createConsoleApp(env: ConsoleEnv, logger: Logger): Promise<NestExpressApplication> {
  const sessions = new Sessions(env.CONSOLE_SESSION_SECRET, env.CONSOLE_SESSION_IDLE_MINUTES * 60_000);
  const oidc = new OidcClient({
    issuer: env.IDENTITY_ISSUER,
    clientId: env.CONSOLE_CLIENT_ID,
    ...(env.CONSOLE_CLIENT_SECRET && { clientSecret: env.CONSOLE_CLIENT_SECRET }),
    redirectUri: env.redirectUri,
    postLogoutRedirectUri: `${env.CONSOLE_URL}/`,
    scopes: env.CONSOLE_SCOPES,
    resource: env.ACCESS_TOKEN_AUDIENCE,
  });
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule.forProcess(env, logger, sessions, oidc), {
    logger: new JsonLogger(logger),
    bufferLogs: true,
  });
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // Behind a proxy that ends TLS the browser's scheme is the proxy's: CONSOLE_URL says it, not the request.
  app.set('trust proxy', false);
  app.useBodyParser('urlencoded', { extended: false, limit: '16kb' });
  app.use(securityHeaders(env.IDENTITY_ISSUER, env.secureCookies));
  app.use(consoleRequestState(sessions, env.secureCookies));
  app.useGlobalFilters(new PageErrorsFilter(logger));
  app.getHttpServer().on('close', () => sessions.stop());
  return app;
}
