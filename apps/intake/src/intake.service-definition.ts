import type { ServiceDefinition } from '@lintas/platform/service/run-service';
import { IntakeModule } from './intake.module';

export const INTAKE_SERVICE: ServiceDefinition = {
  name: 'intake',
  defaultPort: 3001,
  module: IntakeModule,
  description:
    'Pickups by Satpol PP and Polri, hand-over to Dinas Sosial, intake registration, identification, duplicate detection, consent, assessment and case transfers.',
};
