import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { EventStore } from '@lintas/event-store/event-store';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { Every } from '@lintas/platform/service/every';
import { SERVICE_LOGGER } from '@lintas/platform/service/service-tokens';
import { FhirNotifications, type FhirTopic } from '../fhir/fhir-notifications';
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
  /**
   * With `fhirTopic` (a provider class of the service's), subscriptions may take FHIR notification
   * bundles, and FhirNotifications is provided for the service's FHIR routes.
   */
  static forService(options: { fhirTopic?: Type<FhirTopic> } = {}): DynamicModule {
    const fhir = options.fhirTopic;
    return {
      module: WebhooksModule,
      providers: [
        ...(fhir
          ? [
              fhir,
              {
                provide: FhirNotifications,
                inject: [fhir],
                useFactory: (topic: FhirTopic) => new FhirNotifications(topic),
              },
            ]
          : [{ provide: FhirNotifications, useValue: undefined }]),
        { provide: WebhookSettings, inject: [ServiceEnv], useFactory: (env: ServiceEnv) => new WebhookSettings(env) },
        {
          provide: WebhookStore,
          inject: [Pool, EventStore],
          useFactory: (pool: Pool, store: EventStore) => new WebhookStore(pool, store.schema),
        },
        {
          provide: WebhookDispatcher,
          inject: [WebhookStore, WebhookSettings, SERVICE_LOGGER, FhirNotifications],
          useFactory: (
            store: WebhookStore,
            settings: WebhookSettings,
            logger: Logger,
            notifications?: FhirNotifications,
          ) =>
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
              notifications,
            ),
        },
      ],
      exports: [WebhookStore, WebhookSettings, FhirNotifications],
    };
  }

  /** Forgets delivered events past their retention, hourly. */
  private readonly expiry: Every;

  constructor(
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
    @Inject(WebhookStore) store: WebhookStore,
    @Inject(WebhookSettings) settings: WebhookSettings,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    const retentionMs = settings.env.WEBHOOK_RETENTION_DAYS * 86_400_000;
    this.expiry = new Every(
      3_600_000,
      () => store.removeExpired(retentionMs),
      (err: unknown) => logger.warn({ err }, 'removing expired webhook deliveries failed; the next hour tries again'),
    );
  }

  onApplicationBootstrap(): void {
    this.dispatcher.start();
    this.expiry.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.expiry.stop();
    await this.dispatcher.stop();
  }
}
