import { IsIn } from 'class-validator';
import type { SubscriptionStatus } from '@lintas/webhooks/delivery/webhook-store';

export class ChangeWebhookSubscriptionStatusRequest {
  /** `disabled` holds deliveries (nothing is dropped); `active` sends what waited, oldest first. */
  @IsIn(['active', 'disabled']) status!: SubscriptionStatus;
}
