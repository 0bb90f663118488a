import { runService } from '@lintas/platform/service/run-service';
import { FamilyReunificationModule } from './family-reunification.module';

void runService({ name: 'family-reunification', defaultPort: 3004, module: FamilyReunificationModule });
