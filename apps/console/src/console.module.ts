import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuthController } from './auth/auth.controller';
import { OidcClient } from './auth/oidc-client';
import { Sessions } from './auth/sessions';
import type { ConsoleEnv } from './console-env';
import { CONSOLE_ENV, CONSOLE_LOGGER } from './console-tokens';
import { AssetsController } from './pages/assets/assets.controller';
import { CaseController } from './pages/case/case.controller';
import { HealthController } from './pages/health/health.controller';
import { HomeController } from './pages/home/home.controller';
import { IndicatorsController } from './pages/indicators/indicators.controller';
import { IntegrityController } from './pages/integrity/integrity.controller';
import { LanguageController } from './pages/language/language.controller';
import { PersonController } from './pages/person/person.controller';
import { QueuesController } from './pages/queues/queues.controller';
import { SearchController } from './pages/search/search.controller';
import { ServiceApi } from './services/service-api';

/** The console: its pages, its sign-in, and the one way it reaches data, the services' APIs. */
@Module({})
export class ConsoleModule {
  static forProcess(env: ConsoleEnv, logger: Logger, sessions: Sessions, oidc: OidcClient): DynamicModule {
    return {
      module: ConsoleModule,
      controllers: [
        HomeController,
        AuthController,
        SearchController,
        PersonController,
        CaseController,
        QueuesController,
        IndicatorsController,
        IntegrityController,
        LanguageController,
        AssetsController,
        HealthController,
      ],
      providers: [
        { provide: CONSOLE_ENV, useValue: env },
        { provide: CONSOLE_LOGGER, useValue: logger },
        { provide: Sessions, useValue: sessions },
        { provide: OidcClient, useValue: oidc },
        ServiceApi,
      ],
    };
  }
}
