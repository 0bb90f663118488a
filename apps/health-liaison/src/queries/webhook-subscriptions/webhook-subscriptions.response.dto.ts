import { ApiProperty } from '@nestjs/swagger';
import { WebhookSubscriptionView } from '../../application/webhook-subscription.view';

export class WebhookSubscriptionsResponse {
  @ApiProperty({ type: [WebhookSubscriptionView] }) subscriptions!: WebhookSubscriptionView[];
}
