import type { ServiceDefinition } from '@lintas/platform/service/run-service';
import { HealthLiaisonModule } from './health-liaison.module';

export const HEALTH_LIAISON_SERVICE: ServiceDefinition = {
  name: 'health-liaison',
  defaultPort: 3002,
  module: HealthLiaisonModule,
  description:
    'Referrals to RSJ (psychiatric hospitals): acceptance or decline, payment guarantee, admission, discharge, absconding and death.',
};
