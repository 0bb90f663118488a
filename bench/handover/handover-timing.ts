/**
 * How long a consumer group takes to resume a member's partitions once that member is gone, for
 * each Kafka transport. Not part of `npm run bench` (it needs no database, only a broker):
 *
 *   npm exec -- tsx bench/handover/handover-timing.ts
 *
 * It finds its broker as the tests do (KAFKA_BROKERS, a Docker engine, else a local one it starts).
 *
 * Scenarios, each with members as their own processes (handover-member.ts) on a topic of six
 * partitions, one message per partition every 100 ms:
 * - `killed, survivor takes over`: two members; one is SIGKILLed; until the survivor has handled a
 *   message on every partition the dead one held.
 * - `killed, restarted`: one member, SIGKILLed, a replacement released at once (loaded beforehand);
 *   until the replacement has handled a message on every partition.
 * - `stopped, survivor takes over`: two members; one stops gracefully (SIGTERM); as the first.
 *
 * HANDOVER_RUNS (default 5) runs each; prints every run, then the median and the maximum.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { provisionInfrastructure } from '../../libs/testing/src/infra/provision';
import { median } from '../harness/stats';
import type { MemberLine } from './handover-member';

const PARTITIONS = 6;
const SEND_EVERY_MS = 100;
/** Owners unchanged this long, every partition handled: the group has settled. */
const SETTLED_MS = 2_000;
const TIMEOUT_MS = 120_000;
const REPO_ROOT = join(__dirname, '..', '..');

type Kind = 'kafkajs' | 'platformatic';
type Scenario = 'killed, survivor takes over' | 'killed, restarted' | 'stopped, survivor takes over';

class Member {
  private readonly listeners = new Set<(line: MemberLine) => void>();
  readonly lines: MemberLine[] = [];
  readonly stderr: string[] = [];
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      for (const text of parts) {
        if (!text.startsWith('{"line":')) continue;
        const line = JSON.parse(text) as MemberLine;
        this.lines.push(line);
        for (const listener of this.listeners) listener(line);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
  }

  static start(name: string, settings: Record<string, string>, hold: boolean): Member {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'handover-member.ts')], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, ...settings, CLIENT_ID: name, ...(hold ? { HOLD: '1' } : {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new Member(name, child);
  }

  on(listener: (line: MemberLine) => void): void {
    this.listeners.add(listener);
  }

  async waitFor(kind: MemberLine['line']): Promise<void> {
    if (this.lines.some((line) => line.line === kind)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: no '${kind}' in time\n${this.stderr.join('')}`)),
        60_000,
      );
      this.on((line) => {
        if (line.line !== kind) return;
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async go(): Promise<void> {
    await this.waitFor('holding');
    this.child.stdin?.write('go\n');
  }

  async end(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}

/** Who handled each partition last, and since when. */
class Owners {
  private readonly owner = new Map<number, { member: string; since: number }>();

  watch(member: Member): void {
    member.on((line) => {
      if (line.line !== 'handled') return;
      const current = this.owner.get(line.partition);
      if (current?.member !== member.name) {
        this.owner.set(line.partition, { member: member.name, since: performance.now() });
      }
    });
  }

  of(partition: number): string | undefined {
    return this.owner.get(partition)?.member;
  }

  settled(members: readonly string[]): boolean {
    const now = performance.now();
    const all = Array.from({ length: PARTITIONS }, (_, p) => this.owner.get(p));
    return (
      all.every((o) => o !== undefined && now - o.since >= SETTLED_MS) &&
      members.every((m) => all.some((o) => o?.member === m))
    );
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

async function runOnce(kind: Kind, scenario: Scenario, brokers: string, producer: Producer): Promise<number> {
  const id = randomUUID().slice(0, 8);
  const topic = `handover.${kind}.${id}`;
  const settings = { KAFKA_BROKERS: brokers, TRANSPORT: kind, GROUP_ID: `handover-${kind}-${id}`, TOPIC: topic };
  const admin = new Kafka({ clientId: 'handover-admin', brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
  await admin.disconnect();

  const owners = new Owners();
  const victim = Member.start(`victim-${id}`, settings, false);
  const other =
    scenario === 'killed, restarted'
      ? Member.start(`replacement-${id}`, settings, true)
      : Member.start(`survivor-${id}`, settings, false);
  owners.watch(victim);
  owners.watch(other);

  let sending = true;
  const sender = (async () => {
    while (sending) {
      await producer.send({
        topic,
        messages: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, value: 'x' })),
      });
      await sleep(SEND_EVERY_MS);
    }
  })();
  try {
    await victim.waitFor('ready');
    if (scenario !== 'killed, restarted') await other.waitFor('ready');
    const members = scenario === 'killed, restarted' ? [victim.name] : [victim.name, other.name];
    await until(() => owners.settled(members), 'the group settled');
    const held = Array.from({ length: PARTITIONS }, (_, p) => p).filter((p) => owners.of(p) === victim.name);

    const started = performance.now();
    await victim.end(scenario === 'stopped, survivor takes over' ? 'SIGTERM' : 'SIGKILL');
    if (scenario === 'killed, restarted') await other.go();
    await until(() => held.every((p) => owners.of(p) === other.name), 'every partition moved');
    return performance.now() - started;
  } finally {
    sending = false;
    await sender;
    await Promise.all([victim.end('SIGKILL'), other.end('SIGTERM')]);
  }
}

async function main(): Promise<void> {
  const log = (message: string): void => void process.stderr.write(`[handover] ${message}\n`);
  const infrastructure = await provisionInfrastructure(
    process.env,
    { log, keepLogs: () => false },
    { kafka: true, postgres: false },
  );
  try {
    await measureAll(infrastructure.kafka.address);
  } finally {
    await infrastructure.stop();
  }
}

async function measureAll(brokers: string): Promise<void> {
  const runs = Number(process.env.HANDOVER_RUNS ?? '5');
  const kinds = (process.env.HANDOVER_TRANSPORTS ?? 'platformatic,kafkajs').split(',') as Kind[];
  const scenarios: Scenario[] = ['killed, survivor takes over', 'killed, restarted', 'stopped, survivor takes over'];
  const producer = new Kafka({
    clientId: 'handover-sender',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  const summary: string[] = [];
  try {
    for (const kind of kinds) {
      for (const scenario of scenarios) {
        const times: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          times.push(await runOnce(kind, scenario, brokers, producer));
          process.stdout.write(`${kind} | ${scenario} | run ${run + 1}: ${Math.round(times.at(-1) ?? 0)} ms\n`);
        }
        summary.push(
          `${kind} | ${scenario} | median ${Math.round(median(times))} ms | max ${Math.round(Math.max(...times))} ms`,
        );
      }
    }
  } finally {
    await producer.disconnect();
  }
  process.stdout.write(`\n${summary.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
