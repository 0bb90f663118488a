import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PAYLOAD_FORMS, type PayloadForm } from '@lintas/webhooks/delivery/webhook-store';
import { SIGNATURE_SCHEMES, type SignatureScheme } from '@lintas/webhooks/signing/standard-webhooks';
import { REFERRAL_WEBHOOK_EVENT_TYPES } from '../../application/referral-webhook-events';

export class SubscribeToReferralsRequest {
  /** Where each event is POSTed: https (http only in development and tests). */
  @IsString() @MaxLength(2048) url!: string;
  /** CloudEvents types to deliver; none or empty: every referral event the agency may see. */
  @ApiPropertyOptional({ type: [String], enum: REFERRAL_WEBHOOK_EVENT_TYPES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REFERRAL_WEBHOOK_EVENT_TYPES.length)
  @IsIn(REFERRAL_WEBHOOK_EVENT_TYPES, { each: true })
  events?: string[];
  /** `v1a` (Ed25519, the default: no secret is shared) or `v1` (HMAC-SHA256, for receivers that can only do that). */
  @IsOptional() @IsIn(SIGNATURE_SCHEMES) signature?: SignatureScheme;
  /**
   * `cloudevents-json` (the default): each event as a CloudEvent. `fhir-bundle`: each as a FHIR R4
   * notification Bundle (Subscriptions Backport IG, full-resource), as a FHIR Subscription sends.
   */
  @IsOptional() @IsIn(PAYLOAD_FORMS) payloadForm?: PayloadForm;
}
