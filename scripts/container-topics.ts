/**
 * The Kafka topics the services use, with their partitions, read from the code: each service's
 * definition (apps/<service>/src/<service>.service-definition.ts), its module's MessagingModule
 * options (the contracts it publishes) and its reactions (@ReactsTo providers, the topics it
 * consumes), as MessagingModule and InboxConsumer create them at start. docker-compose.yml's
 * `kafka-init` creates the same list before the services start; test/containers checks that the two
 * agree.
 *
 *   tsx scripts/container-topics.ts    prints the list as kafka-init's lines: `<topic> <partitions>`
 */
import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serviceTopics } from '../libs/messaging/src/topics/service-topics';
import type { ServiceDefinition } from '../libs/platform/src/service/run-service';

export { serviceTopics };

const ROOT = resolve(__dirname, '..');

/** Every service the code base has: the definition each apps/<app>/src/*.service-definition.ts exports. */
export async function serviceDefinitions(): Promise<ServiceDefinition[]> {
  const definitions: ServiceDefinition[] = [];
  for (const app of readdirSync(join(ROOT, 'apps')).sort()) {
    const folder = join(ROOT, 'apps', app, 'src');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.service-definition.ts'))) {
      const exported = (await import(join(folder, file))) as Record<string, unknown>;
      for (const value of Object.values(exported)) {
        const candidate = value as Partial<ServiceDefinition> | undefined;
        if (typeof candidate?.name === 'string' && typeof candidate.module === 'function') {
          definitions.push(candidate as ServiceDefinition);
        }
      }
    }
  }
  return definitions;
}

if (require.main === module) {
  void serviceDefinitions().then((services) => {
    for (const topic of serviceTopics(services)) console.log(`${topic.name} ${topic.partitions}`);
  });
}
