import { runService } from '@lintas/platform/service/run-service';
import { INTAKE_SERVICE } from './intake.service-definition';

void runService(INTAKE_SERVICE);
