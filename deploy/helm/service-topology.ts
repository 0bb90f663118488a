import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyContract } from '@lintas/contracts/contract';
import { REACTS_TO, type ReactsToMetadata } from '@lintas/messaging/reactions/reaction';
import { REDELIVERY_TOPIC_PARTITIONS, redeliveryTopic } from '@lintas/messaging/redelivery/redelivery-topic';
import { AuditModule } from '../../apps/audit/src/audit.module';
import { FamilyReunificationModule } from '../../apps/family-reunification/src/family-reunification.module';
import { HealthLiaisonModule } from '../../apps/health-liaison/src/health-liaison.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { RehabilitationModule } from '../../apps/rehabilitation/src/rehabilitation.module';

/** What one service does on Kafka, as its code wires it. */
export interface ServiceFlows {
  /** Topics of the contracts it publishes (MessagingModule.forService's `publishes`). */
  publishes: string[];
  /** Topics of the contracts its reactions name (`@ReactsTo`). */
  consumes: string[];
  consumerGroup: string;
  deadLetters: string;
}

export const SERVICE_MODULES = {
  intake: IntakeModule,
  'health-liaison': HealthLiaisonModule,
  rehabilitation: RehabilitationModule,
  'family-reunification': FamilyReunificationModule,
  audit: AuditModule,
} as const;

export type ServiceName = keyof typeof SERVICE_MODULES;

const MESSAGING_MODULE = join(__dirname, '..', '..', 'libs', 'messaging', 'src', 'nest', 'messaging.module.ts');

/**
 * Numbers the messaging module writes inline where it creates a service's topics; read from its
 * source, so that a change there fails the chart's test instead of drifting from the KafkaTopics.
 */
function messagingFact(pattern: RegExp, what: string): string {
  const match = pattern.exec(readFileSync(MESSAGING_MODULE, 'utf8'));
  if (!match?.[1])
    throw new Error(`${MESSAGING_MODULE} no longer says ${what} as ${String(pattern)}: update this check`);
  return match[1];
}

export const CODE = {
  /** Partitions of each published topic when the service names none (none does). */
  partitions: Number(
    messagingFact(/const partitions = this\.options\.partitions \?\? (\d+);/, 'the default partitions'),
  ),
  deadLetterPartitions: Number(
    messagingFact(/\{ name: deadLetterTopic, partitions: (\d+) \}/, 'the dead-letter partitions'),
  ),
  redeliveryPartitions: REDELIVERY_TOPIC_PARTITIONS,
  deadLetterTopic: (service: string) =>
    messagingFact(
      /const deadLetterTopic = `(lintas\.\$\{this\.name\}\.dead-letters)`;/,
      'the dead-letter topic',
    ).replace('${this.name}', service),
  consumerGroup: (service: string) =>
    messagingFact(/const groupId = `(lintas\.\$\{this\.name\})`;/, 'the consumer group').replace(
      '${this.name}',
      service,
    ),
  redeliveryTopic,
};

/**
 * Each service's flows, found in its root module as Nest would: the providers of every module it
 * imports, reactions marked with REACTS_TO, and the options given to MessagingModule.forService.
 */
export function flowsOf(service: ServiceName): ServiceFlows {
  const seen = new Set<unknown>();
  const consumes = new Set<string>();
  const publishes = new Set<string>();
  const walk = (imported: unknown): void => {
    if (!imported || seen.has(imported)) return;
    seen.add(imported);
    const dynamic = imported as { module?: object; providers?: unknown[]; imports?: unknown[] };
    const target = dynamic.module ?? imported;
    const providers = [
      ...((Reflect.getMetadata('providers', target) as unknown[]) ?? []),
      ...(dynamic.providers ?? []),
    ];
    for (const provider of providers) {
      if (typeof provider === 'function') {
        const reaction = Reflect.getMetadata(REACTS_TO, provider) as ReactsToMetadata | undefined;
        if (reaction) consumes.add(reaction.contract.topic);
      } else if (isMessagingOptions(provider)) {
        for (const contract of provider.useValue.publishes) publishes.add(contract.topic);
      }
    }
    for (const next of [...((Reflect.getMetadata('imports', target) as unknown[]) ?? []), ...(dynamic.imports ?? [])]) {
      walk(next);
    }
  };
  walk(SERVICE_MODULES[service]);
  return {
    publishes: [...publishes].sort(),
    consumes: [...consumes].sort(),
    consumerGroup: CODE.consumerGroup(service),
    deadLetters: CODE.deadLetterTopic(service),
  };
}

function isMessagingOptions(provider: unknown): provider is { useValue: { publishes: readonly AnyContract[] } } {
  const { provide, useValue } = (provider ?? {}) as { provide?: unknown; useValue?: { publishes?: unknown } };
  return String(provide) === 'Symbol(MessagingModuleOptions)' && Array.isArray(useValue?.publishes);
}

/** Every topic the services use, by name (without prefix), with the partitions they create it with. */
export function topicsOfTheCode(): Map<string, number> {
  const topics = new Map<string, number>();
  for (const service of Object.keys(SERVICE_MODULES) as ServiceName[]) {
    const flows = flowsOf(service);
    for (const topic of flows.publishes) topics.set(topic, CODE.partitions);
    topics.set(flows.deadLetters, CODE.deadLetterPartitions);
    for (const topic of flows.consumes) {
      topics.set(CODE.redeliveryTopic(topic, flows.consumerGroup), CODE.redeliveryPartitions);
    }
  }
  return topics;
}
