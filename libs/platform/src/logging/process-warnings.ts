import type { Logger } from 'pino';

/**
 * kafkajs (2.2.4) computes some of its timers from clocks that can pass each other, and Node 24
 * reports each negative delay (it runs after 1 ms, as kafkajs means) as a warning. Harmless, and
 * frequent after a broker comes back: kept at debug so that it does not pass for a fault.
 */
const HARMLESS = new Set(['TimeoutNegativeWarning']);

/**
 * Node prints process warnings to stderr as text; a service writes JSON lines only (a collector
 * parses every line), so warnings become log lines of the service's logger instead.
 */
export function logProcessWarnings(logger: Logger): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    const line = { warning: { name: warning.name, message: warning.message } };
    if (HARMLESS.has(warning.name)) logger.debug(line, `process warning: ${warning.name}`);
    else logger.warn(line, `process warning: ${warning.name}: ${warning.message}`);
  });
}
