import { runService } from '@lintas/platform/service/run-service';
import { HEALTH_LIAISON_SERVICE } from './health-liaison.service-definition';

void runService(HEALTH_LIAISON_SERVICE);
