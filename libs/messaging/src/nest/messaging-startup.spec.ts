import { Writable } from 'node:stream';
import { createLogger } from '@lintas/platform/logging/json-logger';
import { eventually } from '@lintas/testing/eventually';
import { describeFailure, MessagingStartup, startupRetryDelay } from './messaging-startup';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, stream };
}

/** What @platformatic/kafka throws from createTopics while no broker listens. */
function noBroker(): Error {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  const connection = new Error('Connection to 127.0.0.1:1 failed.', { cause: refused });
  const anyBroker = Object.assign(new Error('Cannot connect to any broker.'), { errors: [connection] });
  return Object.assign(new Error('Creating topics failed.'), { errors: [anyBroker] });
}

const answered = (check: Promise<void>): Promise<string> =>
  check.then(
    () => 'up',
    (error: Error) => error.message,
  );

describe('messaging start-up', () => {
  it('is ready at once when the first attempt succeeds, and logs nothing', async () => {
    const { lines, stream } = capture();
    const startup = new MessagingStartup('kafka', createLogger('intake', 'info', stream));
    let attempts = 0;
    await startup.start(async () => void (attempts += 1));
    expect(attempts).toBe(1);
    expect(await answered(startup.check())).toBe('up');
    expect(lines()).toEqual([]);
  });

  it('keeps trying while the broker is down, one line an attempt, and is ready once an attempt succeeds', async () => {
    const { lines, stream } = capture();
    const startup = new MessagingStartup('kafka', createLogger('intake', 'info', stream), () => 1);
    let attempts = 0;
    let brokerUp = false;
    await startup.start(async () => {
      attempts += 1;
      if (!brokerUp) throw noBroker();
    });

    // start() returned after the first failure: the service goes on to listen.
    expect(await answered(startup.check())).toBe(
      'messaging not started: Creating topics failed: Cannot connect to any broker: ' +
        'Connection to 127.0.0.1:1 failed: connect ECONNREFUSED 127.0.0.1:1',
    );
    await eventually(
      async () => attempts,
      (n) => n >= 3,
    );
    brokerUp = true;
    await eventually(
      () => answered(startup.check()),
      (answer) => answer === 'up',
    );

    const failed = lines().filter((line) => line.level === 'warn');
    expect(failed.length).toBe(attempts - 1);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    for (const [index, line] of failed.entries()) {
      expect(line).toMatchObject({
        attempt: index + 1,
        message: expect.stringContaining('Cannot connect to any broker'),
      });
      expect(line).not.toHaveProperty('err');
      expect(JSON.stringify(line)).not.toContain('    at ');
    }
    expect(lines().at(-1)).toMatchObject({ level: 'info', message: `messaging started at attempt ${attempts}` });
    await startup.stop();
  });

  it('stops trying once stopped, after the attempt under way', async () => {
    const { stream } = capture();
    const startup = new MessagingStartup('postgres', createLogger('intake', 'info', stream), () => 1);
    let attempts = 0;
    await startup.start(async () => {
      attempts += 1;
      throw new Error('connection refused');
    });
    await eventually(
      async () => attempts,
      (n) => n >= 2,
    );
    await startup.stop();
    const atStop = attempts;
    // Another round of retries would have run by the time a later attempt's delay passed.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(attempts).toBe(atStop);
    expect(await answered(startup.check())).toBe('messaging not started: connection refused');
  });

  it('waits longer after each failure, up to a cap', () => {
    const delays = Array.from({ length: 8 }, (_, i) => startupRetryDelay(i + 1));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays[0]).toBeLessThan(delays[3] ?? 0);
    expect(new Set(delays.slice(-3)).size).toBe(1);
  });

  it('names a failure by its chain of causes', () => {
    expect(describeFailure(new Error('plain.'))).toBe('plain');
    expect(describeFailure('text')).toBe('text');
    expect(describeFailure(undefined)).toBe('unknown error');
  });
});
