import { Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * HTTP as the agencies' systems would call at a steady rate: a few kept-alive connections, with
 * requests beyond them queued in the client (and timed from when they were due, by openLoop).
 * fetch's pool opens a connection per request in flight, without a limit: when the service answered
 * slowly (its first second, a busy machine) hundreds were opened at once and the server reset them.
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(connections = 32) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  send(
    url: string,
    options: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        {
          agent: this.agent,
          method: options.method ?? 'GET',
          headers: {
            ...options.headers,
            ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }),
          },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(options.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
