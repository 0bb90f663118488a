import { Writable } from 'node:stream';
import { createLogger, JsonLogger } from './json-logger';

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

describe('JSON logging', () => {
  it('writes one JSON object per line with service, level, time and message', () => {
    const { lines, stream } = capture();
    new JsonLogger(createLogger('intake', 'info', stream)).log('pickup accepted', 'PickupController');
    expect(lines()).toEqual([
      expect.objectContaining({
        service: 'intake',
        level: 'info',
        context: 'PickupController',
        message: 'pickup accepted',
      }),
    ]);
    expect(Date.parse(String(lines()[0]?.time))).not.toBeNaN();
  });

  it('censors personal fields wherever they sit in a structured entry', () => {
    const { lines, stream } = capture();
    createLogger('intake', 'info', stream).info(
      { nik: '3571014506900001', person: { name: 'Siti', address: 'Jl. Mawar 1' }, caseId: 'c-1' },
      'identified',
    );
    const [line] = lines();
    expect(line).toMatchObject({
      nik: '[redacted]',
      person: { name: '[redacted]', address: '[redacted]' },
      caseId: 'c-1',
    });
    expect(JSON.stringify(line)).not.toMatch(/Siti|Mawar|3571014506900001/);
  });

  it('keeps entries below the configured level out', () => {
    const { lines, stream } = capture();
    const logger = new JsonLogger(createLogger('audit', 'warn', stream));
    logger.log('routine');
    logger.warn('unusual');
    expect(lines().map((line) => line.message)).toEqual(['unusual']);
  });

  it('records an error with its stack', () => {
    const { lines, stream } = capture();
    new JsonLogger(createLogger('audit', 'info', stream)).error('failed', 'Error: failed\n    at x', 'Relay');
    expect(lines()[0]).toMatchObject({
      level: 'error',
      message: 'failed',
      stack: 'Error: failed\n    at x',
      context: 'Relay',
    });
  });
});
