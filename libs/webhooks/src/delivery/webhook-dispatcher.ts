import type { Logger } from 'pino';
import { postWebhook, type SenderSettings } from '../outbound/webhook-sender';
import { nextAttemptDelay, retryAfterMs, verdictOf } from '../retry/retry-schedule';
import { deriveSigningKeys, webhookHeaders, type SigningKeys } from '../signing/standard-webhooks';
import type { FhirNotifications } from '../fhir/fhir-notifications';
import type { AttemptOutcome, ClaimedDelivery, ControlNotification, WebhookStore } from './webhook-store';

export interface DispatcherSettings extends SenderSettings {
  /** The waits before each attempt, in ms (see retry-schedule). */
  scheduleMs: readonly number[];
  /** How often the queue is looked at besides when this process enqueues. */
  pollMs: number;
  /** What the subscription keys are derived from. */
  installationKey: Buffer;
  /** Deliveries leased per round. */
  batch?: number;
}

/**
 * Sends what the queue holds: each round leases the due deliveries (no other dispatcher, in this
 * process or another, sends them meanwhile), signs and posts them at once, and records each
 * attempt. Woken when this process enqueues, and every `pollMs` for what other instances enqueued
 * or what became due.
 */
export class WebhookDispatcher {
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private again = false;
  private stopped = true;
  private readonly wake = () => this.kick();
  private readonly keyCache = new Map<string, SigningKeys>();

  constructor(
    private readonly store: WebhookStore,
    private readonly settings: DispatcherSettings,
    private readonly logger: Logger,
    /** Renders `fhir-bundle` deliveries, handshakes and heartbeats; without it none is sent. */
    private readonly fhir?: FhirNotifications,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.store.enqueued.on('enqueued', this.wake);
    this.timer = setInterval(this.wake, this.settings.pollMs);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.store.enqueued.off('enqueued', this.wake);
    await this.round;
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    this.round = this.rounds()
      .catch((err: unknown) => this.logger.warn({ err }, 'a webhook dispatch round failed; the next one tries again'))
      .finally(() => (this.round = undefined));
  }

  /** Rounds until the queue has nothing due (or a wake came during the last round). */
  private async rounds(): Promise<void> {
    for (;;) {
      this.again = false;
      // A lease outlives the attempt and the write of its outcome; a killed dispatcher's lapse soon after.
      const lease = this.settings.timeoutMs + 5_000;
      const controls = this.fhir ? await this.store.claimControl(this.settings.batch ?? 16, lease) : [];
      await Promise.all(controls.map((control) => this.sendControl(control)));
      const leased = await this.store.claim(this.settings.batch ?? 16, lease);
      await Promise.all(leased.map((delivery) => this.deliver(delivery)));
      if (this.stopped || (leased.length === 0 && !this.again)) return;
    }
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const at = new Date();
    const body = await this.bodyOf(delivery);
    const headers = webhookHeaders(
      delivery.signature,
      this.keysOf(delivery, at),
      webhookIdOf(delivery),
      Math.floor(at.getTime() / 1000),
      body,
    );
    const result = await postWebhook(delivery.url, headers, body, this.settings);
    const outcome = this.outcomeOf(delivery, result.status, result.retryAfter, at);
    await this.store.recordAttempt(
      delivery,
      {
        at,
        latencyMs: result.latencyMs,
        ...(result.status !== undefined && { statusCode: result.status }),
        ...(result.error && { error: result.error }),
      },
      outcome,
    );
    // Ids and codes only: the URL and the payload stay out of the log.
    this.logger.debug(
      {
        subscriptionId: delivery.subscriptionId,
        sequence: delivery.sequence,
        status: result.status,
        outcome: outcome.kind,
      },
      'webhook attempt',
    );
  }

  private async bodyOf(delivery: ClaimedDelivery): Promise<string> {
    if (delivery.payloadForm === 'cloudevents-json') return delivery.payload;
    if (!this.fhir) throw new Error('a fhir-bundle subscription in a service without a FHIR topic');
    return this.fhir.eventNotification(
      {
        id: delivery.subscriptionId,
        agencyId: delivery.agencyId,
        fhirContent: delivery.fhirContent,
        statusReason: null,
      },
      {
        sequence: delivery.sequence,
        cloudEvent: JSON.parse(delivery.payload) as Record<string, unknown>,
        enqueuedAt: delivery.enqueuedAt,
      },
    );
  }

  /** A handshake or heartbeat: signed as a delivery is, its webhook-id naming what it is. */
  private async sendControl(control: ControlNotification): Promise<void> {
    const { subscription, kind } = control;
    if (!this.fhir || !subscription.url) return;
    const at = new Date();
    const body = this.fhir.control(kind, subscription);
    const keys = this.keysOf(
      {
        subscriptionId: subscription.id,
        keyGeneration: subscription.keyGeneration,
        previousKeyUntil: subscription.previousKeyUntil,
      },
      at,
    );
    const id = `msg_${subscription.id.replaceAll('-', '')}_${kind}_${at.getTime()}`;
    const headers = webhookHeaders(subscription.signature, keys, id, Math.floor(at.getTime() / 1000), body);
    const result = await postWebhook(subscription.url, headers, body, this.settings);
    const answered = result.status !== undefined && result.status >= 200 && result.status < 300;
    await this.store.recordControl(
      control,
      {
        at,
        latencyMs: result.latencyMs,
        ...(result.status !== undefined && { statusCode: result.status }),
        ...(result.error && { error: result.error }),
      },
      answered,
    );
    this.logger.debug({ subscriptionId: subscription.id, kind, status: result.status }, 'webhook control notification');
  }

  private outcomeOf(
    delivery: ClaimedDelivery,
    status: number | undefined,
    retryAfter: string | undefined,
    at: Date,
  ): AttemptOutcome {
    const verdict = verdictOf(status);
    if (verdict === 'delivered') return { kind: 'delivered' };
    if (verdict === 'gone') return { kind: 'disable', reason: 'gone' };
    const delayMs = nextAttemptDelay(
      this.settings.scheduleMs,
      delivery.attempts,
      this.random(),
      retryAfterMs(retryAfter, at),
    );
    if (delayMs === undefined) return { kind: 'disable', reason: 'failing' };
    return { kind: 'retry', delayMs, slowDown: verdict === 'slow-down' };
  }

  private keysOf(
    delivery: Pick<ClaimedDelivery, 'subscriptionId' | 'keyGeneration' | 'previousKeyUntil'>,
    at: Date,
  ): SigningKeys[] {
    const current = this.derived(delivery.subscriptionId, delivery.keyGeneration);
    const overlapping = delivery.previousKeyUntil && delivery.previousKeyUntil > at && delivery.keyGeneration > 1;
    return overlapping ? [current, this.derived(delivery.subscriptionId, delivery.keyGeneration - 1)] : [current];
  }

  /** A generation's keys, derived once: two HKDFs and an Ed25519 key cost more than signing. */
  private derived(subscriptionId: string, generation: number): SigningKeys {
    const key = `${subscriptionId}:${generation}`;
    let keys = this.keyCache.get(key);
    if (!keys) {
      if (this.keyCache.size >= 1_000) this.keyCache.clear();
      keys = deriveSigningKeys(this.settings.installationKey, subscriptionId, generation);
      this.keyCache.set(key, keys);
    }
    return keys;
  }
}

/** The `webhook-id` of a delivery: the same on every attempt, distinct for each subscription and event. */
export function webhookIdOf(delivery: { subscriptionId: string; sequence: number }): string {
  return `msg_${delivery.subscriptionId.replaceAll('-', '')}_${delivery.sequence}`;
}
