import { runService } from '@lintas/platform/service/run-service';
import { RehabilitationModule } from './rehabilitation.module';

void runService({ name: 'rehabilitation', defaultPort: 3003, module: RehabilitationModule });
