import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Json } from '../http/agency-client';

type Answer = number | { status: number; headers: Record<string, string> };

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  event: Json;
  at: number;
}

/**
 * An RSJ's receiving system on this machine: answers as `answer` says (a status, or a status and
 * headers), and keeps what it received and what it accepted.
 */
export class WebhookReceiver {
  readonly accepted: ReceivedDelivery[] = [];
  readonly received: ReceivedDelivery[] = [];
  /** A status, or a status and headers, or a promise of one: a slow receiver answers late. */
  answer: (delivery: ReceivedDelivery, index: number) => Answer | Promise<Answer> = () => 204;
  url = '';
  private server!: Server;

  static async start(onClose: (close: () => Promise<void>) => void): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const delivery = { headers: request.headers, body, event: JSON.parse(body), at: Date.now() };
        receiver.received.push(delivery);
        void Promise.resolve(receiver.answer(delivery, receiver.received.length - 1)).then((answer) => {
          const { status, headers } = typeof answer === 'number' ? { status: answer, headers: {} } : answer;
          if (status >= 200 && status < 300) receiver.accepted.push(delivery);
          response.writeHead(status, headers).end();
        });
      });
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as { port: number }).port}/lintas`;
    onClose(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));
    return receiver;
  }
}

/** The Standard Webhooks headers of a delivery, as a verifier takes them. */
export const webhookHeadersOf = (delivery: ReceivedDelivery): Record<string, string> => ({
  'webhook-id': String(delivery.headers['webhook-id']),
  'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
  'webhook-signature': String(delivery.headers['webhook-signature']),
});

/** Whether one of the delivery's `v1a` signatures verifies with the `whpk_` key (Ed25519, node:crypto). */
export function verifiesV1a(publicKey: string, delivery: ReceivedDelivery): boolean {
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey.slice(5), 'base64')]),
    format: 'der',
    type: 'spki',
  });
  const headers = webhookHeadersOf(delivery);
  const content = Buffer.from(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${delivery.body}`);
  return headers['webhook-signature']
    .split(' ')
    .some(
      (signature) =>
        signature.startsWith('v1a,') && verify(null, content, key, Buffer.from(signature.slice(4), 'base64')),
    );
}

/** One delivery per `webhook-id`: what a receiver that drops duplicates keeps. */
export const oncePerWebhookId = (deliveries: ReceivedDelivery[]): ReceivedDelivery[] => [
  ...new Map(deliveries.map((d) => [d.headers['webhook-id'], d])).values(),
];
