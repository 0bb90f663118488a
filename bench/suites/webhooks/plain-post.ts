import { Agent, request, type IncomingMessage } from 'node:http';

/**
 * One POST as the webhook sender makes it (libs/webhooks/src/outbound/webhook-sender.ts): node:http,
 * `agent: false` (a connection of its own, closed after the answer), the same headers, the answer
 * read and dropped; without its URL policy, address check, deadline or redirect rule. Resolves with
 * the status. `agent` instead reuses connections (keep-alive), for comparison.
 */
export function plainPost(url: URL, headers: Record<string, string>, body: string, agent?: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Lintas-Webhooks/1',
        },
        agent: agent ?? false,
      },
      (response: IncomingMessage) => {
        response.on('data', () => undefined);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true });
}

/**
 * Posts every body once, `concurrency` at a time (a new one starts as soon as one is answered),
 * and resolves with how many were answered 2xx.
 */
export async function postLoop(
  bodies: readonly string[],
  concurrency: number,
  post: (body: string, index: number) => Promise<number>,
): Promise<number> {
  let next = 0;
  let accepted = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const index = next;
      next += 1;
      const status = await post(bodies[index] ?? '', index);
      if (status >= 200 && status < 300) accepted += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return accepted;
}
