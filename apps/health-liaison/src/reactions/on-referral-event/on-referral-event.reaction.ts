import { Inject } from '@nestjs/common';
import type { PoolClient } from 'pg';
import {
  PatientAbscondedV1,
  PatientAdmittedV1,
  PatientDischargedV1,
  PersonDiedV1,
  RsjReferralAcceptedV1,
  RsjReferralDeclinedV1,
  RsjReferralRequestedV1,
  RsjReferralWithdrawnV1,
} from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { WebhookStore } from '@lintas/webhooks/delivery/webhook-store';
import { audienceOf } from '../../application/referral-webhook-events';

/**
 * Health-liaison's own referral events, heard back from its topic, handed to the subscriptions
 * (webhooks and the feed) of the agency that may see them, in the inbox's transaction: the
 * sequence number is taken and the delivery queued exactly once, or not at all.
 */
abstract class ReferralEventToSubscribers implements Reaction<{ rsjId?: string; reportedBy?: string }> {
  constructor(@Inject(WebhookStore) private readonly webhooks: WebhookStore) {}

  async handle(event: Received<{ rsjId?: string; reportedBy?: string }>, transaction: PoolClient): Promise<void> {
    const agencyId = audienceOf(event.data);
    if (!agencyId) return;
    await this.webhooks.enqueue(transaction, agencyId, {
      id: event.id,
      type: event.type,
      personKey: event.personId ?? '',
      // CloudEvents 1.0, structured JSON: ids, codes and times, as the contract carries them.
      cloudEvent: {
        specversion: '1.0',
        id: event.id,
        source: event.source,
        type: event.type,
        time: event.time,
        ...(event.personId && { subject: event.personId }),
        datacontenttype: 'application/json',
        data: event.data,
      },
    });
  }
}

@ReactsTo(RsjReferralRequestedV1)
export class OnRsjReferralRequestedForSubscribers extends ReferralEventToSubscribers {}

@ReactsTo(RsjReferralAcceptedV1)
export class OnRsjReferralAcceptedForSubscribers extends ReferralEventToSubscribers {}

@ReactsTo(RsjReferralDeclinedV1)
export class OnRsjReferralDeclinedForSubscribers extends ReferralEventToSubscribers {}

@ReactsTo(RsjReferralWithdrawnV1)
export class OnRsjReferralWithdrawnForSubscribers extends ReferralEventToSubscribers {}

@ReactsTo(PatientAdmittedV1)
export class OnPatientAdmittedForSubscribers extends ReferralEventToSubscribers {}

@ReactsTo(PatientDischargedV1)
export class OnPatientDischargedForSubscribers extends ReferralEventToSubscribers {}

@ReactsTo(PatientAbscondedV1)
export class OnPatientAbscondedForSubscribers extends ReferralEventToSubscribers {}

@ReactsTo(PersonDiedV1)
export class OnPersonDiedForSubscribers extends ReferralEventToSubscribers {}

export const REFERRAL_EVENT_REACTIONS = [
  OnRsjReferralRequestedForSubscribers,
  OnRsjReferralAcceptedForSubscribers,
  OnRsjReferralDeclinedForSubscribers,
  OnRsjReferralWithdrawnForSubscribers,
  OnPatientAdmittedForSubscribers,
  OnPatientDischargedForSubscribers,
  OnPatientAbscondedForSubscribers,
  OnPersonDiedForSubscribers,
];
