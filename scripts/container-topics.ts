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
import type { DynamicModule, Type } from '@nestjs/common';
import type { MessagingModuleOptions } from '../libs/messaging/src/nest/messaging.module';
import { MessagingModule } from '../libs/messaging/src/nest/messaging.module';
import { REACTS_TO, type ReactsToMetadata } from '../libs/messaging/src/reactions/reaction';
import { redeliveryTopicSpec } from '../libs/messaging/src/redelivery/redelivery-topic';
import type { TopicSpec } from '../libs/messaging/src/transport/transport';
import type { ServiceDefinition } from '../libs/platform/src/service/run-service';

const ROOT = resolve(__dirname, '..');

// As MessagingModule.onApplicationBootstrap has them (libs/messaging/src/nest/messaging.module.ts):
// a service's topics without `partitions` in its options, its dead-letter topic and its group.
const DEFAULT_PARTITIONS = 6;
const DEAD_LETTER_PARTITIONS = 1;
const deadLetterTopic = (service: string): string => `lintas.${service}.dead-letters`;
const consumerGroup = (service: string): string => `lintas.${service}`;

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

type ModuleLike = Type | DynamicModule | { forwardRef: () => ModuleLike } | undefined;

/** What a service's module tree declares for messaging: its MessagingModule options and its reactions. */
function messagingOf(root: Type): { options?: MessagingModuleOptions; reactions: ReactsToMetadata[] } {
  const seen = new Set<unknown>();
  const found: { options?: MessagingModuleOptions; reactions: ReactsToMetadata[] } = { reactions: [] };
  const visit = (entry: ModuleLike): void => {
    if (entry && 'forwardRef' in entry) return visit(entry.forwardRef());
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    const type: Type = typeof entry === 'function' ? entry : entry.module;
    const dynamic: Partial<DynamicModule> = typeof entry === 'function' ? {} : entry;
    const providers: unknown[] = [...(Reflect.getMetadata('providers', type) ?? []), ...(dynamic.providers ?? [])];
    for (const provider of providers) {
      const useClass = (provider as { useClass?: unknown } | undefined)?.useClass;
      const cls = typeof provider === 'function' ? provider : useClass;
      const reaction =
        typeof cls === 'function' ? (Reflect.getMetadata(REACTS_TO, cls) as ReactsToMetadata) : undefined;
      if (reaction) found.reactions.push(reaction);
      const value = (provider as { useValue?: Partial<MessagingModuleOptions> } | undefined)?.useValue;
      if (type === MessagingModule && Array.isArray(value?.publishes)) found.options = value as MessagingModuleOptions;
    }
    for (const imported of [...(Reflect.getMetadata('imports', type) ?? []), ...(dynamic.imports ?? [])]) {
      visit(imported as ModuleLike);
    }
  };
  visit(root);
  return found;
}

/**
 * The topics one service creates at start: those it publishes and consumes, its dead letters, and
 * for each topic it consumes the redelivery topic of its consumer group.
 */
export function topicsOf(service: ServiceDefinition): TopicSpec[] {
  const { options, reactions } = messagingOf(service.module);
  if (!options) return [];
  const partitions = options.partitions ?? DEFAULT_PARTITIONS;
  const consumed = [...new Set(reactions.map((reaction) => reaction.contract.topic))];
  const own = [...new Set([...options.publishes.map((contract) => contract.topic), ...consumed])];
  return [
    ...own.map((name) => ({ name, partitions })),
    { name: deadLetterTopic(service.name), partitions: DEAD_LETTER_PARTITIONS },
    ...consumed.flatMap((topic) => redeliveryTopicSpec(topic, consumerGroup(service.name)) ?? []),
  ];
}

/** Every topic of every service, once, sorted by name; two services that disagree on a topic's partitions fail it. */
export function serviceTopics(services: readonly ServiceDefinition[]): TopicSpec[] {
  const topics = new Map<string, number>();
  for (const service of services) {
    for (const topic of topicsOf(service)) {
      const known = topics.get(topic.name);
      if (known !== undefined && known !== topic.partitions) {
        throw new Error(`${topic.name}: ${known} partitions in one service, ${topic.partitions} in ${service.name}`);
      }
      topics.set(topic.name, topic.partitions);
    }
  }
  return [...topics].sort(([a], [b]) => a.localeCompare(b)).map(([name, partitions]) => ({ name, partitions }));
}

if (require.main === module) {
  void serviceDefinitions().then((services) => {
    for (const topic of serviceTopics(services)) console.log(`${topic.name} ${topic.partitions}`);
  });
}
