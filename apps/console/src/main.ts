import { InvalidEnvironmentError, loadEnv } from '@lintas/platform/config/load-env';
import { createLogger } from '@lintas/platform/logging/json-logger';
import { logProcessWarnings } from '@lintas/platform/logging/process-warnings';
import { ConsoleEnv } from './console-env';
import { createConsoleApp } from './console-app';

const SERVICE = 'console';
// EX_CONFIG from sysexits.h, as the services: orchestrators can tell a bad setting from a crash.
const EXIT_BAD_CONFIGURATION = 78;

function loadSettings(): ConsoleEnv {
  let problems: string[];
  try {
    const env = loadEnv(ConsoleEnv, process.env);
    problems = env.productionProblems();
    if (problems.length === 0) return env;
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    problems = error.problems;
  }
  createLogger(SERVICE, 'fatal').fatal(
    { problems },
    `${SERVICE} cannot start. Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(EXIT_BAD_CONFIGURATION);
}

async function main(): Promise<void> {
  const env = loadSettings();
  const logger = createLogger(SERVICE, env.LOG_LEVEL);
  logProcessWarnings(logger);
  const app = await createConsoleApp(env, logger);
  await app.listen(env.PORT, env.HOST);
  logger.info({ port: env.PORT, host: env.HOST, url: env.CONSOLE_URL }, `${SERVICE} listening`);
}

void main();
