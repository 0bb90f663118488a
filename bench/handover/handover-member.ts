/**
 * One member of a consumer group as its own OS process, for handover-timing.ts to kill. Settings,
 * from the environment: KAFKA_BROKERS, TRANSPORT (kafkajs or platformatic), GROUP_ID, TOPIC,
 * CLIENT_ID, and HOLD=1 to wait for a line 'go' on stdin before connecting anywhere (the process is
 * loaded ahead of time, so that a replacement's start is timed from its first connection, not
 * from loading TypeScript). Prints one JSON line when subscribed and one per message handled.
 */
import { writeSync } from 'node:fs';
import { KafkajsTransport } from '@lintas/messaging/transport/kafkajs/kafkajs-transport';
import { PlatformaticTransport } from '@lintas/messaging/transport/platformatic/platformatic-transport';
import type { Transport } from '@lintas/messaging/transport/transport';

export type MemberLine = { line: 'holding' } | { line: 'ready' } | { line: 'handled'; partition: number };

function say(line: MemberLine): void {
  // Synchronous: the line must reach the pipe before a SIGKILL can take the process.
  writeSync(1, `${JSON.stringify(line)}\n`);
}

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function holdUntilGo(): Promise<void> {
  if (process.env.HOLD !== '1') return;
  say({ line: 'holding' });
  await new Promise<void>((resolve) => {
    let text = '';
    process.stdin.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.split('\n').includes('go')) resolve();
    });
    process.stdin.once('end', () => process.exit(0));
  });
}

async function main(): Promise<void> {
  await holdUntilGo();
  const options = { brokers: setting('KAFKA_BROKERS').split(','), clientId: setting('CLIENT_ID') };
  const kind = setting('TRANSPORT');
  const transport: Transport = kind === 'kafkajs' ? new KafkajsTransport(options) : new PlatformaticTransport(options);
  const subscription = await transport.consume({
    groupId: setting('GROUP_ID'),
    topics: [setting('TOPIC')],
    handle: async (batch) => {
      for (const message of batch) say({ line: 'handled', partition: message.partition });
    },
  });
  process.once('SIGTERM', () => {
    void subscription
      .stop()
      .then(() => transport.close())
      .finally(() => process.exit(0));
  });
  say({ line: 'ready' });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
