import { runService } from '@lintas/platform/service/run-service';
import { HealthLiaisonModule } from './health-liaison.module';

void runService({ name: 'health-liaison', defaultPort: 3002, module: HealthLiaisonModule });
