import { runService } from '@lintas/platform/service/run-service';
import { FAMILY_REUNIFICATION_SERVICE } from './family-reunification.service-definition';

void runService(FAMILY_REUNIFICATION_SERVICE);
