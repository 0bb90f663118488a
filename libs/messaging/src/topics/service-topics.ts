import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { MessagingModule, type MessagingModuleOptions } from '../nest/messaging.module';
import { REACTS_TO, type ReactsToMetadata } from '../reactions/reaction';
import { redeliveryTopicSpec } from '../redelivery/redelivery-topic';
import type { TopicSpec } from '../transport/transport';
import {
  consumerGroupOf,
  DEAD_LETTER_TOPIC_PARTITIONS,
  deadLetterTopicOf,
  DEFAULT_TOPIC_PARTITIONS,
} from './topic-names';

/** A service as its code wires it: its name and root module. */
export interface ServiceModule {
  name: string;
  module: Type;
}

/** What one service does on the broker. */
export interface ServiceFlows {
  /** Topics of the contracts it publishes (MessagingModule.forService's `publishes`). */
  publishes: string[];
  /** Topics of the contracts its reactions name (`@ReactsTo`). */
  consumes: string[];
  partitions: number;
  consumerGroup: string;
  deadLetters: string;
}

type ModuleLike = Type | DynamicModule | { forwardRef: () => ModuleLike } | undefined;

/**
 * A service's flows, found in its module tree as Nest finds them: MessagingModule.forService's
 * options and the providers marked @ReactsTo, in every module it imports.
 */
export function flowsOf(service: ServiceModule): ServiceFlows | undefined {
  const seen = new Set<unknown>();
  let options: MessagingModuleOptions | undefined;
  const reactions: ReactsToMetadata[] = [];
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
        typeof cls === 'function' ? (Reflect.getMetadata(REACTS_TO, cls) as ReactsToMetadata | undefined) : undefined;
      if (reaction) reactions.push(reaction);
      const value = (provider as { useValue?: Partial<MessagingModuleOptions> } | undefined)?.useValue;
      if (type === MessagingModule && Array.isArray(value?.publishes)) options = value as MessagingModuleOptions;
    }
    for (const imported of [...(Reflect.getMetadata('imports', type) ?? []), ...(dynamic.imports ?? [])]) {
      visit(imported as ModuleLike);
    }
  };
  visit(service.module);
  if (!options) return undefined;
  return {
    publishes: [...new Set(options.publishes.map((contract) => contract.topic))].sort(),
    consumes: [...new Set(reactions.map((reaction) => reaction.contract.topic))].sort(),
    partitions: options.partitions ?? DEFAULT_TOPIC_PARTITIONS,
    consumerGroup: consumerGroupOf(service.name),
    deadLetters: deadLetterTopicOf(service.name),
  };
}

/**
 * The topics one service creates at start (MessagingModule does): those it publishes and consumes,
 * its dead letters, and for each topic it consumes its consumer group's redelivery topic.
 */
export function topicsOf(service: ServiceModule): TopicSpec[] {
  const flows = flowsOf(service);
  if (!flows) return [];
  const own = [...new Set([...flows.publishes, ...flows.consumes])];
  return [
    ...own.map((name) => ({ name, partitions: flows.partitions })),
    { name: flows.deadLetters, partitions: DEAD_LETTER_TOPIC_PARTITIONS },
    ...flows.consumes.flatMap((topic) => redeliveryTopicSpec(topic, flows.consumerGroup) ?? []),
  ];
}

/** Every topic of every service, once, sorted by name; two services that disagree on a topic's partitions fail it. */
export function serviceTopics(services: readonly ServiceModule[]): TopicSpec[] {
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
