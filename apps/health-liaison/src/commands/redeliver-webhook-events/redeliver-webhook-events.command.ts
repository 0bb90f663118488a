import { Command } from '@nestjs/cqrs';

export interface RedeliveryRange {
  fromSequence?: number;
  toSequence?: number;
  since?: Date;
  until?: Date;
}

export class RedeliverWebhookEventsCommand extends Command<{ redelivered: number }> {
  constructor(
    readonly subscriptionId: string,
    readonly agencyId: string,
    readonly range: RedeliveryRange,
  ) {
    super();
  }
}
