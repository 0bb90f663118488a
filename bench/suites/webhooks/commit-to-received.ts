import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, type Pool } from 'pg';
import { TestIdentity } from '../../../libs/testing/src/identity/test-identity';
import { agency } from '../../../libs/testing/src/http/agency-client';
import { freePort } from '../../../libs/testing/src/infra/free-port';
import { guardChild } from '../../../libs/testing/src/infra/process-guardian';
import { HARNESS_SETTINGS } from '../../../libs/testing/src/service/harness-settings';
import { benchPool } from '../../harness/bench-pool';
import { cpuMsOf } from '../../harness/cpu';
import { withFreshDatabase } from '../../harness/databases';
import { openLoop } from '../../harness/open-loop';
import { plainPgTypes } from '../../harness/pg-types';
import type { ResultRow } from '../../harness/result-row';
import { median, percentile } from '../../harness/stats';
import type { BenchContext } from '../../harness/suite';
import { interleave, type RunPlan } from '../event-store/interleave';
import { builtEntry, distRoot, nodePathFor } from './built';
import { plainPost } from './plain-post';
import { Receiver } from './receiver';
import { deliveryBody, OFFICE_ID, referralRequested, RSJ_ID } from './referral-event';

const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 100);
const WARM_UP_MS = 3_000;
/** Measured per system, cut into the runs. */
const MEASURED_MS = 10_000;
/** A delivery not received by then fails the run. */
const ARRIVAL_TIMEOUT_MS = 30_000;
const ROOT = join(__dirname, '..', '..', '..');
const SCHEMA = 'health_liaison';

const office = agency('dinas-sosial', OFFICE_ID, '3571');
const rsj = agency('rsj', RSJ_ID, '3507');

/** Deliveries the receiver is waiting for, by the person they are about (each referral a new person). */
class Arrivals {
  private readonly waiting = new Map<string, (at: number) => void>();

  constructor(receiver: Receiver) {
    receiver.arrived = (body, at) => {
      const subject = (JSON.parse(body) as { subject?: string }).subject ?? '';
      this.waiting.get(subject)?.(at);
      this.waiting.delete(subject);
    };
  }

  of(personId: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no delivery about ${personId} within ${ARRIVAL_TIMEOUT_MS} ms`)),
        ARRIVAL_TIMEOUT_MS,
      );
      this.waiting.set(personId, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

/** One measured run of a path: per request, from its commit to the receiver, and from its scheduled start to its commit. */
interface Sample {
  personId: string;
  startedAt: number;
  committedAt: number;
  receivedAt: number;
}

/**
 * `webhook commit → received p50 / p99 at 100 referrals/s`: an open loop of POST /referrals at 100
 * a second against health-liaison (built, a process of its own, on the PostgreSQL log), each timed
 * from its 201 (the referral's events committed) until the RSJ's receiver has the webhook; beside
 * the same hop without the backbone: a row INSERTed with a NOTIFY, a LISTENing consumer that reads
 * it and POSTs it to the same receiver. Interleaved runs; the medians of their p50s and p99s.
 */
export async function commitToReceivedRows(context: BenchContext, runs: number): Promise<ResultRow[]> {
  return withFreshDatabase(context.postgresAdminUrl, async (databaseUrl) => {
    const receiver = await Receiver.start();
    const identity = await TestIdentity.start();
    const pool = benchPool({ connectionString: databaseUrl, max: 4, types: plainPgTypes });
    try {
      const service = await HealthLiaison.start(databaseUrl, identity, context);
      try {
        const plain = await PlainHop.open(pool, databaseUrl, new URL(receiver.url));
        try {
          return await measure(context, runs, { service, plain, pool, receiver, identity });
        } finally {
          await plain.close();
        }
      } finally {
        await service.stop();
      }
    } finally {
      await identity.stop();
      await receiver.close();
      await pool.end();
    }
  });
}

async function measure(
  context: BenchContext,
  runs: number,
  {
    service,
    plain,
    pool,
    receiver,
    identity,
  }: {
    service: HealthLiaison;
    plain: PlainHop;
    pool: Pool;
    receiver: Receiver;
    identity: TestIdentity;
  },
): Promise<ResultRow[]> {
  const arrivals = new Arrivals(receiver);
  const subscription = await service.subscribe(await identity.tokenFor(rsj), receiver.url);
  const officeToken = await identity.tokenFor(office);
  const paths = {
    lintas: (personId: string) => service.refer(officeToken, personId),
    raw: (personId: string) => plain.commit(personId),
  };
  const samples: Record<keyof typeof paths, Sample[][]> = { lintas: [], raw: [] };
  const plan = (name: keyof typeof paths): RunPlan => {
    const run = (durationMs: number) =>
      sampled(durationMs, async (personId) => {
        const arrived = arrivals.of(personId);
        // Awaited below; if the commit fails first, its timeout must not surface as unhandled.
        arrived.catch(() => undefined);
        const startedAt = performance.now();
        const committedAt = await paths[name](personId);
        return { personId, startedAt, committedAt, receivedAt: await arrived };
      });
    return {
      prepare: async () => void (await run(WARM_UP_MS)),
      run: async () => {
        const cpuBefore = cpuMsOf(service.pid);
        const started = performance.now();
        const measured = await run(MEASURED_MS / runs);
        const cpu = (cpuMsOf(service.pid) - cpuBefore) / (performance.now() - started);
        samples[name].push(measured);
        const spans = measured.map((s) => s.receivedAt - s.committedAt);
        context.log(
          `${name}: commit → received p50 ${percentile(spans, 50).toFixed(1)} / p99 ${percentile(spans, 99).toFixed(1)} ms ` +
            `(${spans.length} referrals${name === 'lintas' ? `; health-liaison at ${Math.round(cpu * 100)}% of a core` : ''})`,
        );
        return percentile(spans, 99);
      },
      runs,
    };
  };
  const p99 = await interleave({ lintas: plan('lintas'), raw: plan('raw'), emmett: null }, context.log);
  const p50 = (name: keyof typeof paths) =>
    median(
      samples[name].map((run) =>
        percentile(
          run.map((s) => s.receivedAt - s.committedAt),
          50,
        ),
      ),
    );
  const requests = samples.lintas.flat().map((s) => s.committedAt - s.startedAt);
  context.log(
    `lintas: POST /referrals → 201 p50 ${percentile(requests, 50).toFixed(1)} / p99 ${percentile(requests, 99).toFixed(1)} ms`,
  );
  await logStages(context, pool, subscription, samples.lintas.flat());
  return [
    {
      metric: `webhook commit → received p50 at ${RATE} referrals/s`,
      unit: 'ms',
      lintas: p50('lintas'),
      raw: p50('raw'),
      emmett: null,
    },
    {
      metric: `webhook commit → received p99 at ${RATE} referrals/s`,
      unit: 'ms',
      lintas: p99.lintas,
      raw: p99.raw,
      emmett: null,
    },
  ];
}

/** An open loop at RATE, each operation a new person's referral (or plain event). */
async function sampled(durationMs: number, operation: (personId: string) => Promise<Sample>): Promise<Sample[]> {
  const samples: Sample[] = [];
  await openLoop(RATE, durationMs, async () => {
    samples.push(await operation(randomUUID()));
  });
  return samples;
}

/**
 * Where the time of the Lintas path goes, from the store's own timestamps (the service's clock and
 * the database's, the same machine's): 201 → the inbox transaction that enqueued the delivery
 * began (outbox relay, PostgreSQL log, inbox), → the dispatcher's attempt began (the inbox's commit,
 * the dispatcher's wake-up and claim), → received (signing, connection, POST).
 */
async function logStages(context: BenchContext, pool: Pool, subscriptionId: string, samples: Sample[]): Promise<void> {
  const { rows } = await pool.query<{ person_key: string; enqueued: number; attempted: number; recorded: number }>(
    `SELECT d.person_key, extract(epoch FROM d.enqueued_at) * 1000 AS enqueued, extract(epoch FROM a.at) * 1000 AS attempted,
            extract(epoch FROM d.delivered_at) * 1000 AS recorded
       FROM ${SCHEMA}.webhook_deliveries d
       JOIN ${SCHEMA}.webhook_attempts a ON a.subscription_id = d.subscription_id AND a.sequence = d.sequence AND a.attempt = 1
      WHERE d.subscription_id = $1`,
    [subscriptionId],
  );
  const byPerson = new Map(rows.map((row) => [row.person_key, row]));
  // performance.now() of this process on the wall clock the timestamps were taken by.
  const wall = (at: number) => performance.timeOrigin + at;
  const stages: Record<string, number[]> = {};
  const add = (name: string, span: number) => (stages[name] ??= []).push(span);
  const transactions = new Map<number, number>();
  for (const sample of samples) {
    const row = byPerson.get(sample.personId);
    if (!row) continue;
    add('201→enqueueing transaction began', Number(row.enqueued) - wall(sample.committedAt));
    add('→attempt began', Number(row.attempted) - Number(row.enqueued));
    add('→received', wall(sample.receivedAt) - Number(row.attempted));
    add('received→attempt recorded', Number(row.recorded) - wall(sample.receivedAt));
    transactions.set(Number(row.enqueued), (transactions.get(Number(row.enqueued)) ?? 0) + 1);
  }
  const perTransaction = [...transactions.values()];
  context.log(
    `lintas stages (wall clocks, ±1 ms): ` +
      Object.entries(stages)
        .map(
          ([name, spans]) =>
            `${name} p50 ${percentile(spans, 50).toFixed(1)} / p99 ${percentile(spans, 99).toFixed(1)}`,
        )
        .join('; ') +
      `; deliveries per enqueueing transaction: median ${median(perTransaction)}, max ${Math.max(0, ...perTransaction)}`,
  );
}

/** health-liaison, built, as a process of its own on the PostgreSQL log. */
class HealthLiaison {
  private readonly output: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    const keep = (chunk: Buffer) => this.output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(databaseUrl: string, identity: TestIdentity, context: BenchContext): Promise<HealthLiaison> {
    const port = await freePort();
    const entry = builtEntry('health-liaison');
    const child = spawn(process.execPath, [entry], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        ...nodePathFor(),
        ...HARNESS_SETTINGS,
        ...identity.serviceSettings,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        MESSAGING_TRANSPORT: 'pg-log',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        // The service's own default (1 s) unless the run asks for another.
        ...(process.env.BENCH_WEBHOOK_POLL_MS && { WEBHOOK_POLL_MS: process.env.BENCH_WEBHOOK_POLL_MS }),
        LOG_LEVEL: 'warn',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) guardChild(child.pid);
    const service = new HealthLiaison(child, `http://127.0.0.1:${port}`);
    const started = performance.now();
    await service.ready();
    context.log(`health-liaison (${distRoot()}) ready in ${((performance.now() - started) / 1_000).toFixed(1)} s`);
    return service;
  }

  private async ready(): Promise<void> {
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`health-liaison exited:\n${this.output.join('\n')}`);
      const status = await fetch(`${this.url}/health/ready`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return;
      await sleep(100);
    }
    throw new Error(`health-liaison not ready within 60 s:\n${this.output.join('\n')}`);
  }

  /** The RSJ subscribes its receiver (the default signature, v1a); resolves with the subscription's id. */
  async subscribe(token: string, url: string): Promise<string> {
    const response = await fetch(`${this.url}/webhook-subscriptions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ url }),
    });
    const body = (await response.json()) as { id?: string };
    if (response.status !== 201 || !body.id) throw new Error(`POST /webhook-subscriptions answered ${response.status}`);
    return body.id;
  }

  /** The office refers the person to the RSJ; resolves when the 201 is in (performance.now()). */
  async refer(token: string, personId: string): Promise<number> {
    const response = await fetch(`${this.url}/referrals`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        caseId: randomUUID(),
        personId,
        rsjId: RSJ_ID,
        urgency: 'routine',
        guarantee: { kind: 'bpjs-pbi' },
      }),
    });
    const answeredAt = performance.now();
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`POST /referrals answered ${response.status}`);
    return answeredAt;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('close', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/**
 * The same hop without the backbone: the event INSERTed into a plain table with a NOTIFY of its
 * position in the same statement (delivered at its commit); a consumer LISTENing on its own
 * connection reads the rows notified since its last read, one read at a time, and POSTs each as
 * the webhook sender does (node:http, a connection of its own), all at once, without signing or
 * recording anything.
 */
class PlainHop {
  private notified: string[] = [];
  private reading = false;

  private constructor(
    private readonly pool: Pool,
    private readonly listener: Client,
    private readonly target: URL,
  ) {}

  static async open(pool: Pool, databaseUrl: string, target: URL): Promise<PlainHop> {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS plain_hop`);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS plain_hop.referral_events (position bigserial PRIMARY KEY, person_id uuid NOT NULL, payload text NOT NULL)`,
    );
    const listener = new Client({ connectionString: databaseUrl });
    listener.on('error', () => undefined);
    await listener.connect();
    const hop = new PlainHop(pool, listener, target);
    listener.on('notification', (notification) => hop.kick(notification.payload ?? ''));
    await listener.query('LISTEN plain_hop_events');
    return hop;
  }

  /** Resolves when the INSERT has committed (performance.now()). */
  async commit(personId: string): Promise<number> {
    const body = deliveryBody(referralRequested(personId).cloudEvent, 1, RSJ_ID);
    await this.pool.query(
      `WITH inserted AS (INSERT INTO plain_hop.referral_events (person_id, payload) VALUES ($1, $2) RETURNING position)
       SELECT pg_notify('plain_hop_events', position::text) FROM inserted`,
      [personId, body],
    );
    return performance.now();
  }

  private kick(position: string): void {
    this.notified.push(position);
    if (this.reading) return;
    this.reading = true;
    void this.read().finally(() => (this.reading = false));
  }

  /** Reads by the positions notified, not "after the last one": positions are taken before their commits. */
  private async read(): Promise<void> {
    while (this.notified.length > 0) {
      const positions = this.notified;
      this.notified = [];
      const { rows } = await this.pool.query<{ payload: string }>(
        `SELECT payload FROM plain_hop.referral_events WHERE position = ANY($1::bigint[]) ORDER BY position`,
        [positions],
      );
      for (const row of rows) void plainPost(this.target, {}, row.payload).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.listener.end();
  }
}
