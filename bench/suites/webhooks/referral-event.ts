import { randomUUID } from 'node:crypto';

export const RSJ_ID = 'rsj-bench-3507';
export const OFFICE_ID = 'dinsos-3571';
export const REQUESTED_TYPE = 'id.lintas.health-liaison.rsj-referral.requested.v1';

/**
 * A referral's first event as health-liaison hands it to an RSJ's subscription
 * (on-referral-event.reaction.ts): CloudEvents 1.0 structured JSON with the contract's data; with the
 * sequence and the subscription's id the store adds, about 590 bytes as sent.
 */
export function referralRequested(personId: string = randomUUID()): {
  id: string;
  personKey: string;
  cloudEvent: Record<string, unknown>;
} {
  const id = randomUUID();
  return {
    id,
    personKey: personId,
    cloudEvent: {
      specversion: '1.0',
      id,
      source: '/lintas/health-liaison',
      type: REQUESTED_TYPE,
      time: new Date().toISOString(),
      subject: personId,
      datacontenttype: 'application/json',
      data: {
        referralId: randomUUID(),
        caseId: randomUUID(),
        personId,
        rsjId: RSJ_ID,
        officeId: OFFICE_ID,
        guaranteeKind: 'bpjs-pbi',
      },
    },
  };
}

/** The body a delivery carries: the event with its sequence number and subscription, as WebhookStore.enqueue writes it. */
export function deliveryBody(cloudEvent: Record<string, unknown>, sequence: number, subscriptionId: string): string {
  return JSON.stringify({ ...cloudEvent, sequence: String(sequence), subscriptionid: subscriptionId });
}
