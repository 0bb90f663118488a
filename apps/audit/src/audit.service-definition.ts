import type { ServiceDefinition } from '@lintas/platform/service/run-service';
import { AuditModule } from './audit.module';

export const AUDIT_SERVICE: ServiceDefinition = {
  name: 'audit',
  defaultPort: 3005,
  module: AuditModule,
  description: 'The cross-agency ledger: every hand-over between agencies, verifiable and replayable.',
};
