import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { cacheDir } from './cache-dir';
import { freePort, waitForPort } from './free-port';
import { guardChild } from './process-guardian';
import { lastLines, runCommand } from './run-command';

export const KAFKA_VERSION = '4.4.0';

export interface LocalKafka {
  brokers: string;
  logFile: string;
  /** The running JVM's; a restart() changes it. */
  readonly pid: number;
  stop(): Promise<void>;
  /**
   * Stops the JVM (SIGTERM: a clean shutdown, as an orchestrator's rolling restart does) and starts it
   * again on the same ports and log dirs, so clients reconnect to the same address and find their
   * topics, messages and committed offsets. `whileDown` runs after the JVM exited and before it starts
   * again, for a test to act while no broker answers. Resolves once the broker answers metadata again.
   */
  restart(options?: { whileDown?: () => Promise<void> }): Promise<void>;
}

export interface LocalKafkaOptions {
  log: (msg: string) => void;
  /** Asked at stop(): keep kafka.log for the reader of a failed run. */
  keepLogs?: () => boolean;
  /**
   * The broker's port, for a test that points clients at it before it runs; a free one otherwise.
   * The controller always takes a free one.
   */
  port?: number;
}

const HOST = '127.0.0.1';

function javaBin(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Kafka's binary distribution adds this SLF4J binding itself; without it the broker logs nothing. */
const LOG4J_VERSION = '2.25.5';

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>lintas.testing</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>${KAFKA_VERSION}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>${LOG4J_VERSION}</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
`;

export async function resolveKafkaJars(log: (msg: string) => void): Promise<string> {
  const dir = cacheDir('kafka', KAFKA_VERSION);
  const libs = join(dir, 'libs');
  // Written last and holding the pom it came from: an interrupted download or an edited pom is redone.
  const marker = join(dir, 'libs.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === POM) return libs;

  log(`resolving Apache Kafka ${KAFKA_VERSION} jars from Maven Central into ${libs}`);
  await rm(libs, { recursive: true, force: true });
  await writeFile(join(dir, 'pom.xml'), POM);
  const { code, output } = await runCommand(
    'mvn',
    [
      '-q',
      '-B',
      '-Dstyle.color=never',
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${libs}`,
    ],
    { cwd: dir },
  ).catch((error: Error) => ({ code: -1, output: error.message }));
  if (code !== 0) {
    throw new Error(`mvn could not resolve Kafka ${KAFKA_VERSION} (exit ${code}):\n${lastLines(output, 30)}`);
  }
  const jars = (await readdir(libs)).filter((name) => name.endsWith('.jar'));
  await writeFile(marker, POM);
  log(`resolved ${jars.length} jars`);
  return libs;
}

/** A Kafka cluster id: 16 random bytes in unpadded base64url; a leading '-' would read as a CLI flag. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function serverProperties(port: number, controllerPort: number, dataDir: string): string {
  return `node.id=1
process.roles=broker,controller
listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}
advertised.listeners=PLAINTEXT://${HOST}:${port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.quorum.bootstrap.servers=${HOST}:${controllerPort}
log.dirs=${dataDir}

num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
delete.topic.enable=true
group.initial.rebalance.delay.ms=0

# Internal topics: one replica, and few partitions so the first consumer group and transaction start fast.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# Keep a throwaway broker small: smaller segments, preallocated indexes and cleaner buffer, fewer threads.
log.segment.bytes=16777216
log.index.size.max.bytes=1048576
log.cleaner.dedupe.buffer.size=8388608
num.network.threads=2
num.io.threads=2
background.threads=2
`;
}

function log4jProperties(logFile: string): string {
  // Kafka flushes its own logs on shutdown; log4j's hook would only race it and warn.
  return `status = warn
shutdownHook = disable
appender.file.type = File
appender.file.name = file
appender.file.fileName = ${logFile}
appender.file.append = true
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
`;
}

export async function startLocalKafka(options: LocalKafkaOptions): Promise<LocalKafka> {
  const { log, keepLogs = () => false } = options;
  const libs = await resolveKafkaJars(log);
  const classpath = join(libs, '*');
  const port = options.port ?? (await freePort());
  let controllerPort = await freePort();
  // Nothing listens on a chosen port yet, so the system may hand out that very number.
  while (controllerPort === port) controllerPort = await freePort();

  const dir = await mkdtemp(join(tmpdir(), 'lintas-kafka-'));
  const logFile = join(dir, 'kafka.log');
  const config = join(dir, 'server.properties');
  const log4j = join(dir, 'log4j2.properties');
  await writeFile(config, serverProperties(port, controllerPort, join(dir, 'data')));
  await writeFile(log4j, log4jProperties(logFile));
  const jvmLogging = `-Dlog4j2.configurationFile=${log4j}`;

  const format = await runCommand(
    javaBin(),
    [
      '-cp',
      classpath,
      jvmLogging,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId(),
      '-c',
      config,
      '--standalone',
    ],
    { cwd: dir },
  );
  if (format.code !== 0) {
    throw new Error(`kafka storage format failed (exit ${format.code}):\n${lastLines(format.output, 30)}`);
  }

  /** One run of the broker's JVM; a restart launches another on the same config. */
  interface Jvm {
    readonly pid: number;
    readonly exit: Promise<void>;
    readonly exited: boolean;
  }
  const launch = (): Jvm => {
    const out = openSync(logFile, 'a');
    // detached: the JVM leads its own process group, so the guardian and stop() can kill it whole.
    const child = spawn(javaBin(), ['-Xms256m', '-Xmx512m', '-cp', classpath, jvmLogging, 'kafka.Kafka', config], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    const pid = child.pid;
    if (pid === undefined) {
      throw new Error(`could not start ${javaBin()} (is Java on PATH or JAVA_HOME set?)`);
    }
    let exited = false;
    const exit = new Promise<void>((resolve) => {
      const onExit = (): void => {
        exited = true;
        resolve();
      };
      child.once('exit', onExit);
      child.once('error', onExit);
    });
    guardChild(pid, dir);
    child.unref();
    return {
      pid,
      exit,
      get exited() {
        return exited;
      },
    };
  };

  const signalGroup = (jvm: Jvm, signal: NodeJS.Signals): void => {
    try {
      process.kill(-jvm.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const terminate = async (jvm: Jvm): Promise<void> => {
    // The timer is cancelled once the JVM exits, so it cannot hold the event loop open.
    const exitWithin = async (ms: number): Promise<void> => {
      const timer = new AbortController();
      await Promise.race([jvm.exit, sleep(ms, undefined, { signal: timer.signal })]).finally(() => timer.abort());
    };
    if (jvm.exited) return;
    signalGroup(jvm, 'SIGTERM');
    await exitWithin(15_000);
    if (!jvm.exited) {
      signalGroup(jvm, 'SIGKILL');
      await exitWithin(5_000);
    }
  };

  const brokers = `${HOST}:${port}`;
  const fail =
    (jvm: Jvm) =>
    async (error: unknown): Promise<never> => {
      const tail = existsSync(logFile) ? lastLines(readFileSync(logFile, 'utf8'), 30) : '';
      // The temp dir is kept on failure: its log is the only way to see why the broker did not come up.
      signalGroup(jvm, 'SIGKILL');
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`local Kafka did not start: ${reason}\nlog file: ${logFile}\n${tail}`);
    };
  const untilReady = async (jvm: Jvm): Promise<void> => {
    await waitForPort(port, HOST, 60_000, () => !jvm.exited).catch(fail(jvm));
    await waitUntilUsable(brokers, 30_000, () => !jvm.exited).catch(fail(jvm));
  };

  let current = launch();
  let stopping: Promise<void> | undefined;
  let restarting: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // A restart under way would otherwise launch a JVM after this one is gone.
      await restarting?.catch(() => undefined);
      await terminate(current);
      if (keepLogs()) {
        for (const path of [join(dir, 'data'), config, log4j]) await rm(path, { recursive: true, force: true });
        log(`kafka log kept at ${logFile}`);
      } else {
        await rm(dir, { recursive: true, force: true });
      }
    })());
  const restart = async ({ whileDown }: { whileDown?: () => Promise<void> } = {}): Promise<void> => {
    if (stopping) throw new Error('this Kafka is stopped');
    if (restarting) throw new Error('this Kafka is already restarting');
    restarting = (async () => {
      log(`restarting Kafka on ${brokers} (pid ${current.pid})`);
      await terminate(current);
      await whileDown?.();
      current = launch();
      await untilReady(current);
      log(`Kafka ready again on ${brokers} (pid ${current.pid})`);
    })();
    try {
      await restarting;
    } finally {
      restarting = undefined;
    }
  };

  log(`starting Kafka ${KAFKA_VERSION} on ${brokers} (pid ${current.pid}, log ${logFile})`);
  await untilReady(current);
  log(`Kafka ready on ${brokers}`);
  return {
    brokers,
    logFile,
    get pid() {
      return current.pid;
    },
    stop,
    restart,
  };
}

/** An open port is not enough: the broker must have joined its own quorum and answer metadata. */
async function waitUntilUsable(brokers: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const kafka = new Kafka({
    clientId: 'lintas-local-kafka-probe',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch (error) {
      if (!isAlive()) throw new Error('the broker process exited');
      if (Date.now() >= deadline) throw error;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await sleep(250);
  }
}
