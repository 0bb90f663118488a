import type { OutgoingMessage, Publisher } from '@lintas/messaging/transport/transport';

/**
 * Sends what is waiting as one batch while the previous batch is in flight, as the outbox relay
 * does. An idempotent Kafka producer has one produce request in flight per broker, so awaiting one
 * send per message would cap the plain client near a few hundred messages a second and make the
 * raw row meaningless.
 */
export class CoalescingSender {
  private waiting: { message: OutgoingMessage; sent: () => void; failed: (error: unknown) => void }[] = [];
  private inFlight = false;

  constructor(private readonly publisher: Publisher) {}

  send(message: OutgoingMessage): Promise<void> {
    return new Promise((sent, failed) => {
      this.waiting.push({ message, sent, failed });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.waiting.length === 0) return;
    this.inFlight = true;
    const batch = this.waiting;
    this.waiting = [];
    try {
      await this.publisher.send(batch.map((w) => w.message));
      for (const w of batch) w.sent();
    } catch (error) {
      for (const w of batch) w.failed(error);
    } finally {
      this.inFlight = false;
      void this.flush();
    }
  }
}
