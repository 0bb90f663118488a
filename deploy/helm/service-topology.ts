import 'reflect-metadata';
import { redeliveryTopic } from '@lintas/messaging/redelivery/redelivery-topic';
import { flowsOf as flowsInCode, serviceTopics, type ServiceFlows } from '@lintas/messaging/topics/service-topics';
import { AuditModule } from '../../apps/audit/src/audit.module';
import { FamilyReunificationModule } from '../../apps/family-reunification/src/family-reunification.module';
import { HealthLiaisonModule } from '../../apps/health-liaison/src/health-liaison.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { RehabilitationModule } from '../../apps/rehabilitation/src/rehabilitation.module';

export const SERVICE_MODULES = {
  intake: IntakeModule,
  'health-liaison': HealthLiaisonModule,
  rehabilitation: RehabilitationModule,
  'family-reunification': FamilyReunificationModule,
  audit: AuditModule,
} as const;

export type ServiceName = keyof typeof SERVICE_MODULES;

export const CODE = { redeliveryTopic };

/** Each service's flows on Kafka, as its code wires them (libs/messaging's service-topics). */
export function flowsOf(service: ServiceName): ServiceFlows {
  const flows = flowsInCode({ name: service, module: SERVICE_MODULES[service] });
  if (!flows) throw new Error(`${service} uses no messaging`);
  return flows;
}

/** Every topic the services use, by name (without prefix), with the partitions they create it with. */
export function topicsOfTheCode(): Map<string, number> {
  const services = (Object.keys(SERVICE_MODULES) as ServiceName[]).map((name) => ({
    name,
    module: SERVICE_MODULES[name],
  }));
  return new Map(serviceTopics(services).map((topic) => [topic.name, topic.partitions]));
}
