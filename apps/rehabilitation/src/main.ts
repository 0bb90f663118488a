import { runService } from '@lintas/platform/service/run-service';
import { REHABILITATION_SERVICE } from './rehabilitation.service';

void runService(REHABILITATION_SERVICE);
