import { Admin } from '@platformatic/kafka';
import type { ReadinessCheck } from './readiness-check';

/** Ready when the cluster answers a fresh metadata request; one admin client is reused between probes. */
export class KafkaReadiness implements ReadinessCheck {
  readonly name = 'kafka';
  private readonly admin: Admin;

  constructor(brokers: string[], clientId: string) {
    this.admin = new Admin({
      clientId: `${clientId}-readiness`,
      bootstrapBrokers: brokers,
      retries: 0,
      timeout: 1_500,
    });
  }

  async check(): Promise<void> {
    await this.admin.metadata({ topics: [], forceUpdate: true });
  }

  async close(): Promise<void> {
    await this.admin.close();
  }
}
