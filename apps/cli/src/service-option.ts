import { Option, type Command } from 'commander';
import { UsageError } from './exit-codes';

/** The services and their ports as `npm start` runs them (scripts/start.ts: from 3001, in this order). */
export const SERVICE_PORTS = {
  intake: 3001,
  'health-liaison': 3002,
  rehabilitation: 3003,
  'family-reunification': 3004,
  audit: 3005,
} as const;
export type ServiceName = keyof typeof SERVICE_PORTS;

/** Which service a command talks to: `--service <name>` or `--service-url <url>`. */
export interface ServiceChoice {
  service?: ServiceName;
  serviceUrl?: string;
}

/**
 * Adds `--service` and `--service-url` to a command, and each service's URL from its variable,
 * hidden (LINTAS_INTAKE_URL → `--intake-url`), which is how serviceUrl reads them.
 */
export function withService(command: Command): Command {
  command
    .addOption(
      new Option('--service <name>', 'the service (at LINTAS_<SERVICE>_URL, else where npm start runs it)').choices(
        Object.keys(SERVICE_PORTS),
      ),
    )
    .option('--service-url <url>', 'the service at this URL (instead of --service)');
  for (const name of Object.keys(SERVICE_PORTS)) {
    command.addOption(new Option(`--${name}-url <url>`).env(urlVariable(name)).hideHelp());
  }
  return command;
}

const urlVariable = (service: string): string => `LINTAS_${service.toUpperCase().replace(/-/g, '_')}_URL`;

/** `--service-url`, else `--service` at its LINTAS_<SERVICE>_URL, else at the port `npm start` gives it. */
export function serviceUrl(where: ServiceChoice): string {
  if (where.serviceUrl) return where.serviceUrl;
  if (!where.service) throw new UsageError('which service? --service <name> or --service-url <url>');
  const option = `${where.service.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}Url`;
  const configured = (where as Record<string, unknown>)[option];
  return typeof configured === 'string' && configured ? configured : `http://127.0.0.1:${SERVICE_PORTS[where.service]}`;
}
