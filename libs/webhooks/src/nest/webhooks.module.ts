import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { EventStore } from '@lintas/event-store/event-store';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { SERVICE_LOGGER } from '@lintas/platform/service/service-tokens';
import { WebhookDispatcher } from '../delivery/webhook-dispatcher';
import { WebhookStore } from '../delivery/webhook-store';
import { parseRetrySchedule } from '../retry/retry-schedule';
import type { UrlPolicy } from '../outbound/address-policy';

// Public in this repository, so worthless as a secret: production refuses to send webhooks with it.
const DEVELOPMENT_ONLY_WEBHOOK_KEY = 'bGludGFzLXdlYmhvb2tzLWRldmVsb3BtZW50LW9ubHk=';

/** The installation's webhook settings, read once from the service's settings. */
export class WebhookSettings implements UrlPolicy {
  readonly requireHttps: boolean;
  readonly allowPrivateNetworks: boolean;
  readonly installationKey: Buffer;

  constructor(readonly env: ServiceEnv) {
    this.requireHttps = env.NODE_ENV === 'production';
    this.allowPrivateNetworks = env.webhookAllowsPrivateNetworks;
    if (env.NODE_ENV === 'production' && !env.WEBHOOK_SIGNING_KEY) {
      throw new Error('WEBHOOK_SIGNING_KEY must be set when NODE_ENV=production (openssl rand -base64 32)');
    }
    this.installationKey = Buffer.from(env.WEBHOOK_SIGNING_KEY ?? DEVELOPMENT_ONLY_WEBHOOK_KEY, 'base64');
  }
}

/**
 * Webhooks of a service: its subscriptions and delivery queues (WebhookStore, in the service's
 * schema) and the dispatcher that sends them while the service runs. What is enqueued, and for
 * whom, is the service's own reaction (see docs/architecture.md, "Webhooks and the referral feed").
 */
@Module({})
export class WebhooksModule implements OnApplicationBootstrap, OnApplicationShutdown {
  static forService(): DynamicModule {
    return {
      module: WebhooksModule,
      providers: [
        { provide: WebhookSettings, inject: [ServiceEnv], useFactory: (env: ServiceEnv) => new WebhookSettings(env) },
        {
          provide: WebhookStore,
          inject: [Pool, EventStore],
          useFactory: (pool: Pool, store: EventStore) => new WebhookStore(pool, store.schema),
        },
        {
          provide: WebhookDispatcher,
          inject: [WebhookStore, WebhookSettings, SERVICE_LOGGER],
          useFactory: (store: WebhookStore, settings: WebhookSettings, logger: Logger) =>
            new WebhookDispatcher(
              store,
              {
                scheduleMs: parseRetrySchedule(settings.env.WEBHOOK_RETRY_SCHEDULE),
                pollMs: settings.env.WEBHOOK_POLL_MS,
                timeoutMs: settings.env.WEBHOOK_TIMEOUT_MS,
                requireHttps: settings.requireHttps,
                allowPrivateNetworks: settings.allowPrivateNetworks,
                installationKey: settings.installationKey,
              },
              logger,
            ),
        },
      ],
      exports: [WebhookStore, WebhookSettings],
    };
  }

  constructor(@Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher) {}

  onApplicationBootstrap(): void {
    this.dispatcher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher.stop();
  }
}
