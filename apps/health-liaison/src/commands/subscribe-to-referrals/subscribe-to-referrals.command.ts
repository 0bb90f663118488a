import { Command } from '@nestjs/cqrs';
import type { FhirContent, PayloadForm } from '@lintas/webhooks/delivery/webhook-store';
import type { SignatureScheme } from '@lintas/webhooks/signing/standard-webhooks';
import type { WebhookSubscriptionWithSecretView } from '../../application/webhook-subscription.view';

export class SubscribeToReferralsCommand extends Command<WebhookSubscriptionWithSecretView> {
  constructor(
    readonly subscriptionId: string,
    readonly agencyId: string,
    readonly url: string,
    readonly events: readonly string[],
    readonly signature: SignatureScheme,
    /** A FHIR subscription's: notification bundles, shaking hands first. */
    readonly form: {
      payloadForm: PayloadForm;
      fhirContent?: FhirContent;
      heartbeatSeconds?: number;
      handshake?: boolean;
    } = { payloadForm: 'cloudevents-json' },
  ) {
    super();
  }
}
