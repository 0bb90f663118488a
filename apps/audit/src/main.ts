import { runService } from '@lintas/platform/service/run-service';
import { AUDIT_SERVICE } from './audit.service-definition';

void runService(AUDIT_SERVICE);
