import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Pool } from 'pg';
import { Webhook } from 'standardwebhooks';
import type * as DispatcherModule from '../../../libs/webhooks/src/delivery/webhook-dispatcher';
import type * as StoreModule from '../../../libs/webhooks/src/delivery/webhook-store';
import type * as RetryModule from '../../../libs/webhooks/src/retry/retry-schedule';
import { benchPool } from '../../harness/bench-pool';
import { withFreshDatabase } from '../../harness/databases';
import { plainPgTypes } from '../../harness/pg-types';
import type { ResultRow } from '../../harness/result-row';
import type { BenchContext } from '../../harness/suite';
import { interleave, type RunPlan } from '../event-store/interleave';
import { loadBuilt } from './built';
import { keepAliveAgent, plainPost, postLoop } from './plain-post';
import { Receiver } from './receiver';
import { deliveryBody, referralRequested, RSJ_ID } from './referral-event';

/** Deliveries per measured run: `BENCH_WEBHOOK_DELIVERIES`. */
const DELIVERIES = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 2_000);
const WARM_UP_DELIVERIES = 500;
/**
 * The POST loops go through their bodies this many times per run: once would take a third of a
 * second, too short to time steadily (the dispatcher's drain takes several seconds).
 */
const LOOP_PASSES = 3;
/** The dispatcher's default batch: deliveries leased, signed and posted at once per round. */
const CONCURRENCY = 16;
/** Events per enqueueing transaction, as the inbox hands a batch of messages to the reaction in one. */
const ENQUEUE_BATCH = 50;
/** health-liaison's pool (libs/platform/src/database/postgres-pool.ts), which its dispatcher shares. */
const SERVICE_POOL_SIZE = 10;
const SCHEMA = 'health_liaison';
const DRAIN_TIMEOUT_MS = 60_000;

/**
 * `webhook deliveries/s`: deliveries already enqueued in a WebhookStore (built, as health-liaison
 * runs it) drained by a WebhookDispatcher to a local receiver that answers 204, beside a plain POST
 * loop of the same bodies at the dispatcher's concurrency (raw) and the same loop signing each with
 * the `standardwebhooks` package (the peer, in the emmett column), in interleaved rounds.
 */
export async function deliveryThroughputRow(
  context: BenchContext,
  runs: number,
): Promise<ResultRow & { peer: string }> {
  return withFreshDatabase(context.postgresAdminUrl, async (databaseUrl) => {
    const pool = benchPool({
      connectionString: databaseUrl,
      max: SERVICE_POOL_SIZE,
      types: plainPgTypes,
      application_name: 'bench-webhooks',
    });
    const receiver = await Receiver.start();
    try {
      const lintas = await lintasDrain(pool, receiver, context);
      const target = new URL(receiver.url);
      const secret = `whsec_${randomBytes(32).toString('base64')}`;
      const subscriptionId = randomUUID();
      const bodies = (count: number) =>
        Array.from({ length: count }, (_, i) => deliveryBody(referralRequested().cloudEvent, i + 1, subscriptionId));
      const loopRate = async (label: string, count: number, post: (body: string, i: number) => Promise<number>) => {
        const once = bodies(count);
        const posts = Array.from({ length: LOOP_PASSES }, () => once).flat();
        const started = performance.now();
        const accepted = await postLoop(posts, CONCURRENCY, post);
        const elapsed = performance.now() - started;
        if (accepted !== posts.length) throw new Error(`${label}: ${accepted} of ${posts.length} posts answered 2xx`);
        const rate = posts.length / (elapsed / 1_000);
        context.log(`${label}: ${posts.length} posts in ${elapsed.toFixed(0)} ms, ${Math.round(rate)}/s`);
        return rate;
      };
      const unsigned = (body: string) => plainPost(target, {}, body);
      const peer = new Webhook(secret);
      const signed = (body: string, i: number) => {
        const id = `msg_${subscriptionId.replaceAll('-', '')}_${i + 1}`;
        // A fresh signature per post, as the dispatcher signs each attempt.
        const at = new Date();
        return plainPost(
          target,
          {
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1_000)),
            'webhook-signature': peer.sign(id, at, body),
          },
          body,
        );
      };
      const plan = (label: string, run: (count: number) => Promise<number>): RunPlan => ({
        prepare: async () => void (await run(WARM_UP_DELIVERIES)),
        run: () => run(DELIVERIES),
        runs,
      });
      const figures = await interleave(
        {
          lintas: plan('lintas', lintas.drain),
          raw: plan('raw', (count) => loopRate('raw POST loop', count, unsigned)),
          emmett: plan('peer', (count) => loopRate('peer standardwebhooks POST loop', count, signed)),
        },
        context.log,
      );
      // For the README, not the row: what connection reuse and the default signature change.
      const agent = keepAliveAgent();
      await loopRate('for comparison: raw POST loop with keep-alive', DELIVERIES, (body) =>
        plainPost(target, {}, body, agent),
      );
      agent.destroy();
      await lintas.drainV1a(DELIVERIES);
      return {
        metric: 'webhook deliveries/s',
        unit: 'deliveries/s',
        lintas: figures.lintas,
        raw: figures.raw,
        emmett: figures.emmett,
        peer: 'standardwebhooks 1.3.0 (sign) + the same POST loop',
      };
    } finally {
      await receiver.close();
      await pool.end();
    }
  });
}

/** The store and dispatcher as health-liaison builds them (WebhooksModule), with a short poll. */
async function lintasDrain(
  pool: Pool,
  receiver: Receiver,
  context: BenchContext,
): Promise<{ drain: (count: number) => Promise<number>; drainV1a: (count: number) => Promise<number> }> {
  const service = 'health-liaison';
  const { WebhookStore } = loadBuilt<typeof StoreModule>(service, 'libs/webhooks/src/delivery/webhook-store.js');
  const { WebhookDispatcher } = loadBuilt<typeof DispatcherModule>(
    service,
    'libs/webhooks/src/delivery/webhook-dispatcher.js',
  );
  const { parseRetrySchedule } = loadBuilt<typeof RetryModule>(service, 'libs/webhooks/src/retry/retry-schedule.js');
  const store = new WebhookStore(pool, SCHEMA);
  const dispatcher = new WebhookDispatcher(
    store,
    {
      scheduleMs: parseRetrySchedule('0,5,300,1800,7200,18000,36000,36000'),
      pollMs: 50,
      timeoutMs: 10_000,
      requireHttps: false,
      allowPrivateNetworks: true,
      installationKey: randomBytes(32),
    },
    // Its warnings (a failed round) to stderr, beside the bench's log; stdout carries the table.
    pino({ level: 'warn' }, pino.destination(2)),
  );
  const subscribe = async (agencyId: string, signature: 'v1' | 'v1a') =>
    (await store.create({ id: randomUUID(), agencyId, url: receiver.url, eventTypes: [], signature })).id;
  const v1 = await subscribe(RSJ_ID, 'v1');
  const v1a = await subscribe(`${RSJ_ID}-v1a`, 'v1a');

  /** As the reaction does: each event handed to the agency's subscriptions (and its feed) in the inbox's transaction. */
  const enqueue = async (agencyId: string, count: number) => {
    for (let done = 0; done < count; done += ENQUEUE_BATCH) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (let i = done; i < Math.min(count, done + ENQUEUE_BATCH); i += 1) {
          const event = referralRequested();
          await store.enqueue(client, agencyId, { ...event, type: String(event.cloudEvent.type) });
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
  };
  const drainOf = (label: string, agencyId: string, subscriptionId: string) => async (count: number) => {
    const enqueueing = performance.now();
    await enqueue(agencyId, count);
    const enqueuedMs = performance.now() - enqueueing;
    const arrived = receiver.expect(count);
    const started = performance.now();
    dispatcher.start();
    // A dispatcher that stops delivering (its rounds fail: logged) fails the run instead of hanging it.
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${label}: not every delivery arrived within ${DRAIN_TIMEOUT_MS} ms`)),
        DRAIN_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([arrived, stalled]);
    } finally {
      clearTimeout(timer);
      await dispatcher.stop();
    }
    const elapsed = performance.now() - started;
    const { rows } = await pool.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM ${SCHEMA}.webhook_deliveries WHERE subscription_id = $1 GROUP BY state`,
      [subscriptionId],
    );
    const pending = rows.find((row) => row.state === 'pending')?.n ?? 0;
    if (pending > 0) throw new Error(`${label}: ${pending} deliveries still pending after the receiver had them all`);
    const rate = count / (elapsed / 1_000);
    context.log(
      `${label}: ${count} deliveries in ${elapsed.toFixed(0)} ms, ${Math.round(rate)}/s (enqueued beforehand in ${enqueuedMs.toFixed(0)} ms)`,
    );
    return rate;
  };
  return {
    drain: drainOf('lintas dispatcher (v1)', RSJ_ID, v1),
    drainV1a: drainOf('for comparison: lintas dispatcher, v1a (Ed25519, the default)', `${RSJ_ID}-v1a`, v1a),
  };
}
