import { TRANSPORTS, type TransportKind } from '@lintas/messaging/transport/transport-factory';
import { report } from './reports';

/**
 * A crash-test child is configured by the test that spawns it through its environment, the way a
 * deployment configures a service; it reads the environment here and nowhere else.
 */
// eslint-disable-next-line no-restricted-properties -- test harness set up by its test, not a service with a loadEnv schema
const env: Readonly<Record<string, string | undefined>> = process.env;

export function required(name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

export function optional(name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function wholeNumber(name: string, fallback: number): number {
  const text = optional(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got '${text}'`);
  return value;
}

export function transportKind(): TransportKind {
  const kind = required('TRANSPORT');
  const known = TRANSPORTS.find((candidate) => candidate === kind);
  if (!known) throw new Error(`TRANSPORT must be one of ${TRANSPORTS.join(', ')}, got '${kind}'`);
  return known;
}

/** The process reports failures to start and then exits, instead of running on half set up. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

/**
 * With HOLD=1, waits for a line 'go' on stdin before going on. Loading this process's code takes
 * seconds (TypeScript through tsx, the Kafka clients), so a test spawns the process that is to
 * replace a killed one ahead of time and holds it here, before it has opened a connection or done
 * anything: released after the kill, it starts from nothing, as a restarted process does, without
 * the loading time counting against the suite. A test that goes away closes stdin: nothing to do.
 */
export async function holdUntilGo(): Promise<void> {
  if (optional('HOLD') !== '1') return;
  report({ report: 'holding' });
  await new Promise<void>((resolve) => {
    let text = '';
    const onEnd = (): void => process.exit(0);
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      if (!text.split('\n').includes('go')) return;
      process.stdin.off('data', onData);
      process.stdin.off('end', onEnd);
      process.stdin.pause();
      resolve();
    };
    process.stdin.on('data', onData);
    process.stdin.once('end', onEnd);
  });
}
