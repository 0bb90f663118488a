import { Command } from '@nestjs/cqrs';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';

export interface RedeliveryRange {
  fromSequence?: number;
  toSequence?: number;
  since?: Date;
  until?: Date;
}

export class RedeliverWebhookEventsCommand extends Command<{ redelivered: number }> {
  constructor(
    readonly subscriptionId: string,
    /** The RSJ owning the subscription, or an admin acting on any. */
    readonly actor: AgencyActor,
    readonly range: RedeliveryRange,
  ) {
    super();
  }
}
