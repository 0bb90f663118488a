import { ServiceProcess, type ServiceName } from '../processes/service-process';
import { JourneyWorld } from './journey-world';

export interface LintasSettings {
  databaseUrl: string;
  kafkaBrokers: string[];
  topicPrefix: string;
  transport?: 'platformatic' | 'kafkajs' | 'pg-log';
}

const JOURNEY_SERVICES: ServiceName[] = ['intake', 'health-liaison', 'rehabilitation', 'family-reunification'];

/** The four journey services, built, each as its own process, sharing one database and one topic prefix. */
export class RunningLintas {
  private constructor(
    readonly processes: Map<ServiceName, ServiceProcess>,
    readonly world: JourneyWorld,
    private readonly env: Record<string, string>,
  ) {}

  static async start(settings: LintasSettings): Promise<RunningLintas> {
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: settings.databaseUrl,
      KAFKA_BROKERS: settings.kafkaBrokers.join(','),
      TOPIC_PREFIX: settings.topicPrefix,
      MESSAGING_TRANSPORT: settings.transport ?? 'platformatic',
      LOG_LEVEL: 'warn',
    };
    const started = await Promise.all(JOURNEY_SERVICES.map((name) => ServiceProcess.start(name, env)));
    const processes = new Map(started.map((process) => [process.service, process]));
    await Promise.all(started.map((process) => process.ready(60_000)));
    const url = (name: ServiceName) => processes.get(name)?.url ?? '';
    const world = new JourneyWorld({
      intake: url('intake'),
      healthLiaison: url('health-liaison'),
      rehabilitation: url('rehabilitation'),
      familyReunification: url('family-reunification'),
    });
    return new RunningLintas(processes, world, env);
  }

  /** Kills a service (SIGKILL, as a crash) and starts it again on a new port; the world follows it. */
  async restart(name: ServiceName): Promise<void> {
    await this.processes.get(name)?.stop('SIGKILL');
    const process = await ServiceProcess.start(name, this.env);
    await process.ready(60_000);
    this.processes.set(name, process);
    const key = (
      {
        intake: 'intake',
        'health-liaison': 'healthLiaison',
        rehabilitation: 'rehabilitation',
        'family-reunification': 'familyReunification',
        audit: undefined,
      } as const
    )[name];
    if (key) (this.world.urls as unknown as Record<string, string>)[key] = process.url;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((process) => process.stop('SIGTERM')));
  }

  /** What the services printed, for a failing test to show. */
  output(): string {
    return [...this.processes.values()].map((p) => `--- ${p.service}\n${p.output().slice(-40).join('\n')}`).join('\n');
  }
}
