import type { ServiceDefinition } from '@lintas/platform/service/run-service';
import { RehabilitationModule } from './rehabilitation.module';

export const REHABILITATION_SERVICE: ServiceDefinition = {
  name: 'rehabilitation',
  defaultPort: 3003,
  module: RehabilitationModule,
  description:
    'Placements in panti/balai with bed capacity and waiting lists, ATENSI plans and services, progress reviews, relapse and termination.',
};
