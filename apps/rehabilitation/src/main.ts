import { runService } from '@lintas/platform/service/run-service';
import { REHABILITATION_SERVICE } from './rehabilitation.service-definition';

void runService(REHABILITATION_SERVICE);
