import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { requiredInProduction } from './required-in-production';

type Constructor<T> = new () => T;

/** Raised when the environment does not describe a runnable service; its message names each variable. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/**
 * Reads, converts and validates the environment into a typed settings object, once, at start-up.
 * Class property initialisers are the development defaults; a class may refuse them in production
 * (see RequiredInProduction) so that a forgotten setting fails loudly instead of pointing at localhost.
 */
export function loadEnv<T extends object>(schema: Constructor<T>, source: Record<string, string | undefined>): T {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined && value !== '') defined[key] = value;
  const settings = plainToInstance(schema, defined, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  // Several decorators on one setting may say the same thing; say it once.
  const problems = [
    ...new Set(validateSync(settings, { forbidUnknownValues: true }).flatMap((error) => describe(error, defined))),
  ];
  if (defined.NODE_ENV === 'production') {
    for (const key of requiredInProduction(schema.prototype)) {
      if (!(key in defined)) problems.push(`${key}: must be set explicitly when NODE_ENV=production (not set)`);
    }
  }
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return settings;
}

function describe(error: ValidationError, source: Record<string, string>): string[] {
  const got = error.property in source ? `got '${redact(error.property, source[error.property])}'` : 'not set';
  return Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message} (${got})`);
}

// Connection strings carry passwords and keys are secrets: an error message must not leak them into logs.
function redact(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (/PASSWORD|SECRET|KEY/i.test(name)) return '***';
  return /URL/i.test(name) ? value.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@') : value;
}
