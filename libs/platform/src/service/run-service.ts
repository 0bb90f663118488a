import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module, type INestApplication, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { InvalidEnvironmentError, loadEnv } from '../config/load-env';
import { ServiceEnv } from '../config/service-env';
import { createLogger, JsonLogger } from '../logging/json-logger';
import { logProcessWarnings } from '../logging/process-warnings';
import { serveOpenApi } from '../http/openapi';
import { traceRequests } from '../http/request-tracing';
import { securityHeaders } from '../http/security-headers';
import { requestMetrics } from '../metrics/http-metrics';
import { ServiceMetrics } from '../metrics/service-metrics';
import { startTracing, tracingOptions, type Tracing } from '../tracing/tracing';
import { TracingModule } from '../tracing/tracing.module';
import { PlatformModule } from './platform.module';

export interface ServiceDefinition {
  /** Also the PostgreSQL application_name and the Kafka client id. */
  name: string;
  defaultPort: number;
  module: Type;
  /** One sentence for the OpenAPI document: what the service owns. */
  description: string;
}

// EX_CONFIG from sysexits.h: orchestrators can tell a bad setting from a crash.
const EXIT_BAD_CONFIGURATION = 78;

export function readServiceEnv(service: ServiceDefinition, source: NodeJS.ProcessEnv): ServiceEnv {
  return loadEnv(ServiceEnv, { PORT: String(service.defaultPort), ...source });
}

/** The root every service shares: the platform beside the service's own module. */
@Module({})
class ServiceRoot {}

/** `tracing`, when the process started it, is flushed when the app shuts down. */
export async function createServiceApp(
  service: ServiceDefinition,
  env: ServiceEnv,
  logger: Logger,
  tracing?: Tracing,
): Promise<INestApplication> {
  // Made here, not by Nest: the request middleware measures into it, and the API documents build the
  // app in preview mode, where app.get() hands out no provider.
  const metrics = new ServiceMetrics();
  const app = await NestFactory.create(
    {
      module: ServiceRoot,
      imports: [
        PlatformModule.forService(service.name, env, logger, metrics),
        ...(tracing ? [TracingModule.forProcess(tracing)] : []),
        service.module,
      ],
    },
    { logger: new JsonLogger(logger), bufferLogs: true },
  );
  app.enableShutdownHooks();
  // Nest's own JSON parser, which this one replaces, reads application/json only; FHIR clients send
  // application/fhir+json (health-liaison's /fhir routes).
  (app as NestExpressApplication).useBodyParser('json', { type: ['application/json', 'application/fhir+json'] });
  // Before every route, the OpenAPI document's too: each request gets its span, access line and metrics.
  app.use(traceRequests(logger, requestMetrics(metrics)));
  app.use(securityHeaders());
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  // Closed unless an installation names the browser origins it serves (a console of its own).
  if (env.corsOrigins.length > 0) app.enableCors({ origin: env.corsOrigins, maxAge: 600 });
  serveOpenApi(app, service.name, service.description);
  return app;
}

/** The whole of a service's main.ts: settings, logger, app, listen; a bad setting stops it at once. */
export async function runService(service: ServiceDefinition): Promise<void> {
  let env: ServiceEnv;
  try {
    env = readServiceEnv(service, process.env);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    createLogger(service.name, 'fatal').fatal(
      { problems: error.problems },
      `${service.name} cannot start. ${error.message}`,
    );
    process.exit(EXIT_BAD_CONFIGURATION);
  }
  const logger = createLogger(service.name, env.LOG_LEVEL);
  logProcessWarnings(logger);
  // Before the app exists, so that everything it starts runs with the tracer provider in place.
  const tracing = startTracing(tracingOptions(service.name, env, logger));
  const app = await createServiceApp(service, env, logger, tracing);
  await app.listen(env.PORT, env.HOST);
  logger.info({ port: env.PORT, host: env.HOST }, `${service.name} listening`);
}
