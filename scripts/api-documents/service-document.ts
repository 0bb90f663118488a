import { createRequire } from 'node:module';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type * as JsonLogger from '../../libs/platform/src/logging/json-logger';
import type * as OpenApi from '../../libs/platform/src/http/openapi';
import type * as RunService from '../../libs/platform/src/service/run-service';

type ServiceDefinition = RunService.ServiceDefinition;

const requireCompiled = createRequire(__filename);

/**
 * One service's OpenAPI document, from its compiled code, without PostgreSQL or Kafka. The service
 * is found the way it starts: its main.js is loaded with `runService` standing in to catch the
 * definition it is given. The app is then put together by the platform's own `createServiceApp`,
 * but in Nest's preview mode, which resolves modules and controllers without instantiating any
 * provider (no pool, no broker, no listener).
 */
export async function serviceDocument(compiledDir: string, app: string): Promise<OpenAPIObject> {
  const load = <T>(path: string): T => requireCompiled(join(compiledDir, path)) as T;
  const runService = load<typeof RunService>('libs/platform/src/service/run-service.js');
  const { createLogger } = load<typeof JsonLogger>('libs/platform/src/logging/json-logger.js');
  const { buildOpenApiDocument } = load<typeof OpenApi>('libs/platform/src/http/openapi.js');
  const service = definitionOf(runService, () => load(`apps/${app}/src/main.js`), app);

  const env = runService.readServiceEnv(service, { NODE_ENV: 'development' });
  const logger = createLogger(service.name, 'error');
  const nest = await withPreview(() => runService.createServiceApp(service, env, logger));
  try {
    return buildOpenApiDocument(nest, service.name, service.description);
  } finally {
    await nest.close();
  }
}

/** The ServiceDefinition main.js passes to runService, caught instead of run. */
function definitionOf(runService: typeof RunService, loadMain: () => unknown, app: string): ServiceDefinition {
  const module = runService as { runService: (service: ServiceDefinition) => Promise<void> };
  const original = module.runService;
  let caught: ServiceDefinition | undefined;
  module.runService = async (service) => {
    caught = service;
  };
  try {
    loadMain();
  } finally {
    module.runService = original;
  }
  if (!caught) throw new Error(`apps/${app}/src/main.ts did not call runService`);
  return caught;
}

/** Runs `create` with the NestFactory.create it makes (module, options) in preview mode, and quiet. */
async function withPreview<T>(create: () => Promise<T>): Promise<T> {
  const original = NestFactory.create;
  const preview = (module: unknown, options?: object) =>
    (original as (module: unknown, options: object) => Promise<unknown>).call(NestFactory, module, {
      ...options,
      preview: true,
      abortOnError: false,
      logger: false,
    });
  NestFactory.create = preview as typeof NestFactory.create;
  try {
    return await create();
  } finally {
    NestFactory.create = original;
  }
}
