import type { ServiceDefinition } from '@lintas/platform/service/run-service';
import { FamilyReunificationModule } from './family-reunification.module';

export const FAMILY_REUNIFICATION_SERVICE: ServiceDefinition = {
  name: 'family-reunification',
  defaultPort: 3004,
  module: FamilyReunificationModule,
  description:
    'Family tracing, home visits, return to the family or the region of origin, long-term placement, follow-up visits and case closure.',
};
