import { runService } from '@lintas/platform/service/run-service';
import { AuditModule } from './audit.module';

void runService({ name: 'audit', defaultPort: 3005, module: AuditModule });
