import type { ServiceDefinition } from '@lintas/platform/service/run-service';
import { NeighbouringServices } from '../messaging/neighbouring-services';
import type { RealInfrastructure } from '../real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '../service/service-under-test';

export interface ApplicationTier {
  service: ServiceUnderTest;
  /** The other services: publish their contract events, hear what this one publishes. */
  neighbours: NeighbouringServices;
  /** What the service dead-lettered, as CloudEvents; the reason of each is in its DeadLetters.list(). */
  deadLetters: NeighbouringServices;
}

/**
 * One service with its handlers, reactions and projections on the file's own PostgreSQL database,
 * its hand-overs on the PostgreSQL log (`pg-log`) instead of Kafka: the application tier, quick
 * enough to run on every change (`npm run test:app`). Files of this tier end in `.app-spec.ts`.
 */
export async function startOnPgLog(
  definition: ServiceDefinition,
  infra: RealInfrastructure,
  publishedTopic: string,
  settings: Record<string, string> = {},
): Promise<ApplicationTier> {
  const service = await startServiceUnderTest(definition, infra, { ...settings, MESSAGING_TRANSPORT: 'pg-log' });
  const [neighbours, deadLetters] = await Promise.all([
    NeighbouringServices.open(infra, publishedTopic, 'pg-log'),
    NeighbouringServices.open(infra, `lintas.${definition.name}.dead-letters`, 'pg-log'),
  ]);
  return { service, neighbours, deadLetters };
}
