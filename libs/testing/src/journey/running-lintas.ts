import { agency } from '../http/agency-client';
import { testIdentity } from '../identity/test-identity';
import { ServiceProcess, type AppName, type ServiceName } from '../processes/service-process';
import type { RealInfrastructure } from '../real-infrastructure';
import { JourneyWorld, type ServiceUrls } from './journey-world';

export interface LintasSettings {
  databaseUrl: string;
  kafkaBrokers: string[];
  topicPrefix: string;
  transport?: 'platformatic' | 'kafkajs' | 'pg-log';
  /** `warn` unless a test reads the services' lines: `debug` logs every event consumed, skipped ones too. */
  logLevel?: 'warn' | 'info' | 'debug';
  /** Further settings of every service, e.g. a short EMERGENCY_ACCESS_SECONDS. */
  env?: Record<string, string>;
  /** Also the audit service, the cross-agency ledger: for the tests that read it. */
  withAudit?: boolean;
  /**
   * Also the console (with the audit service, whose trails it shows), as the OAuth client the
   * test identity provider registered for it: `consoleUrl` is where browsers reach it, the base of
   * that client's redirect URI.
   */
  withConsole?: { consoleUrl: string; clientId: string; clientSecret: string };
}

const JOURNEY_SERVICES: ServiceName[] = ['intake', 'health-liaison', 'rehabilitation', 'family-reunification'];

const URL_KEYS: Partial<Record<ServiceName, keyof ServiceUrls>> = {
  intake: 'intake',
  'health-liaison': 'healthLiaison',
  rehabilitation: 'rehabilitation',
  'family-reunification': 'familyReunification',
  audit: 'audit',
};

/**
 * The four journey services (and the audit service, if asked), built, each as its own process,
 * sharing one database and one topic prefix.
 */
export class RunningLintas {
  private constructor(
    readonly processes: Map<AppName, ServiceProcess>,
    readonly world: JourneyWorld,
    private readonly env: Record<string, string>,
  ) {}

  /** The four services for one test file, on its own database and topics, stopped when the file ends. */
  static async forTestFile(
    infra: RealInfrastructure,
    settings: Omit<LintasSettings, 'databaseUrl' | 'kafkaBrokers' | 'topicPrefix'> = {},
  ): Promise<RunningLintas> {
    const lintas = await RunningLintas.start({
      databaseUrl: infra.databaseUrl,
      kafkaBrokers: infra.kafkaBrokers,
      topicPrefix: infra.topics.prefix,
      ...settings,
    });
    infra.defer(() => lintas.stop());
    return lintas;
  }

  static async start(settings: LintasSettings): Promise<RunningLintas> {
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: settings.databaseUrl,
      KAFKA_BROKERS: settings.kafkaBrokers.join(','),
      TOPIC_PREFIX: settings.topicPrefix,
      MESSAGING_TRANSPORT: settings.transport ?? 'platformatic',
      LOG_LEVEL: settings.logLevel ?? 'warn',
      ...settings.env,
    };
    const processes = new Map<AppName, ServiceProcess>();
    try {
      const started = await Promise.all(JOURNEY_SERVICES.map((name) => ServiceProcess.start(name, env)));
      for (const process of started) processes.set(process.service, process);
      await Promise.all(started.map((process) => process.ready(60_000)));
      if (settings.withAudit || settings.withConsole) {
        // Started last: it verifies the others' stores, so it is told where they answer, and has a
        // client of its own for its schedule, as `npm start` gives it.
        const own = (await testIdentity()).credentialsFor(agency('admin', 'lintas-audit', '35'));
        const audit = await ServiceProcess.start('audit', {
          ...env,
          VERIFY_SERVICE_URLS: JOURNEY_SERVICES.map((name) => `${name}=${processes.get(name)?.url}`).join(','),
          AUDIT_CLIENT_ID: own.clientId,
          AUDIT_CLIENT_SECRET: own.secret,
        });
        processes.set('audit', audit);
        await audit.ready(60_000);
      }
      if (settings.withConsole) {
        const consoleApp = await ServiceProcess.start('console', {
          NODE_ENV: 'test',
          LOG_LEVEL: env.LOG_LEVEL,
          CONSOLE_URL: settings.withConsole.consoleUrl,
          CONSOLE_CLIENT_ID: settings.withConsole.clientId,
          CONSOLE_CLIENT_SECRET: settings.withConsole.clientSecret,
          LINTAS_INTAKE_URL: processes.get('intake')?.url ?? '',
          LINTAS_HEALTH_LIAISON_URL: processes.get('health-liaison')?.url ?? '',
          LINTAS_REHABILITATION_URL: processes.get('rehabilitation')?.url ?? '',
          LINTAS_FAMILY_REUNIFICATION_URL: processes.get('family-reunification')?.url ?? '',
          LINTAS_AUDIT_URL: processes.get('audit')?.url ?? '',
        });
        processes.set('console', consoleApp);
        await consoleApp.ready(60_000);
      }
    } catch (error) {
      // The ones that did start would otherwise outlive the test file and keep jest from ending.
      await Promise.all([...processes.values()].map((process) => process.stop('SIGKILL')));
      throw error;
    }
    const url = (name: ServiceName) => processes.get(name)?.url ?? '';
    const world = new JourneyWorld({
      intake: url('intake'),
      healthLiaison: url('health-liaison'),
      rehabilitation: url('rehabilitation'),
      familyReunification: url('family-reunification'),
      ...((settings.withAudit || settings.withConsole) && { audit: url('audit') }),
    });
    return new RunningLintas(processes, world, env);
  }

  /** Where the console answers, when it was started (`withConsole`). */
  get consoleUrl(): string | undefined {
    return this.processes.get('console')?.url;
  }

  /** Kills a service with SIGKILL, as a crash: nothing of its shutdown runs. */
  async kill(name: ServiceName): Promise<void> {
    await this.processes.get(name)?.stop('SIGKILL');
  }

  /** Starts a killed service again, on a new port; the world follows it. */
  async start(name: ServiceName): Promise<void> {
    const process = await ServiceProcess.start(name, this.env);
    await process.ready(60_000);
    this.processes.set(name, process);
    const key = URL_KEYS[name];
    if (key) this.world.urls[key] = process.url;
  }

  async restart(name: ServiceName): Promise<void> {
    await this.kill(name);
    await this.start(name);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((process) => process.stop('SIGTERM')));
  }

  /** What the services printed, for a failing test to show. */
  output(): string {
    return [...this.processes.values()].map((p) => `--- ${p.service}\n${p.output().slice(-40).join('\n')}`).join('\n');
  }
}
