import { createServer } from 'node:http';

/**
 * An RSJ's receiving system on this machine (127.0.0.1, in the bench's process): reads each POST
 * whole and answers 204, as a receiver that queues the event for itself would. It counts what
 * arrived, and tells `arrived` of each body with the time it was read (performance.now()).
 */
export class Receiver {
  received = 0;
  arrived?: (body: string, at: number) => void;
  url = '';
  private waiting?: { count: number; reached: () => void };
  private readonly server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.take(Buffer.concat(chunks).toString('utf8'), performance.now());
      response.writeHead(204).end();
    });
  });

  static async start(): Promise<Receiver> {
    const receiver = new Receiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as { port: number }).port}/lintas`;
    return receiver;
  }

  /** Resolves once `count` more deliveries than now have arrived. */
  expect(count: number): Promise<void> {
    return new Promise((reached) => (this.waiting = { count: this.received + count, reached }));
  }

  private take(body: string, at: number): void {
    this.received += 1;
    this.arrived?.(body, at);
    if (this.waiting && this.received >= this.waiting.count) {
      this.waiting.reached();
      this.waiting = undefined;
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
