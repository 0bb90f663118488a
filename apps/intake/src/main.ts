import { runService } from '@lintas/platform/service/run-service';
import { IntakeModule } from './intake.module';

void runService({ name: 'intake', defaultPort: 3001, module: IntakeModule });
