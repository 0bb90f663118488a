import type { LoggerService } from '@nestjs/common';
import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/service-env';

/**
 * Field names that carry personal data (UU PDP). They are censored by the logger itself, at any
 * depth up to four, so that nobody has to remember to leave them out of a log call.
 */
export const PERSONAL_FIELDS = [
  'name',
  'names',
  'aliases',
  'nik',
  'kk',
  'birthDate',
  'address',
  'diagnosis',
  'medication',
  'familyContact',
  'phone',
  'descriptors',
  'password',
  'authorization',
] as const;

const REDACT_PATHS = PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`]);

export function createLogger(service: string, level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      mixin: activeTrace,
    },
    // Synchronous: a line written just before the process ends (a fatal setting, the last line
    // of a shutdown that re-raises its signal) must not be lost in a buffer.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * The active span's ids beside every line, under the names of OpenTelemetry's log data model, so
 * that a line leads to its trace and a trace to its lines (docs/architecture.md, "Traces").
 */
function activeTrace(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpanContext(context.active());
  return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

/** Nest's logger interface on top of pino, so framework messages come out as the same JSON lines. */
export class JsonLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  // Nest passes optional trailing arguments: a stack (errors) and the context name (always last).
  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
