import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYLOAD_FORMS, type WebhookSubscription } from '@lintas/webhooks/delivery/webhook-store';
import { deriveSigningKeys, SIGNATURE_SCHEMES } from '@lintas/webhooks/signing/standard-webhooks';

/** A webhook subscription as its owner sees it: never its secret (shown once, when made or rotated). */
export class WebhookSubscriptionView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uri' }) url!: string;
  /** The CloudEvents types delivered; empty: every referral event the agency may see. */
  @ApiProperty({ type: [String] }) events!: string[];
  @ApiProperty({ enum: PAYLOAD_FORMS }) payloadForm!: string;
  /** For `fhir-bundle`: `empty`, `id-only` or `full-resource` (the Backport IG's payload content). */
  @ApiProperty({ type: String, nullable: true }) fhirContent!: string | null;
  /** A FHIR subscription's events wait until its endpoint answers the handshake. */
  @ApiProperty({ type: Boolean }) handshakePending!: boolean;
  /** `v1a` (Ed25519, verified with `publicKey`) or `v1` (HMAC-SHA256 with the `whsec_` secret). */
  @ApiProperty({ enum: SIGNATURE_SCHEMES }) signature!: string;
  /** `whpk_…`: verifies `v1a` signatures (Standard Webhooks). */
  @ApiPropertyOptional({ type: String }) publicKey?: string;
  /** The public key of the previous generation, while a rotation's overlap lasts. */
  @ApiPropertyOptional({ type: String }) previousPublicKey?: string;
  @ApiProperty({ type: Number }) keyGeneration!: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) previousKeyUntil!: Date | null;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: string;
  /**
   * Why it is disabled: `gone` (the receiver answered 410), `failing` (its retries were spent),
   * `handshake-failed` (a FHIR subscription's endpoint did not answer its handshake), `owner`.
   */
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) statusChangedAt!: Date;
  /** The sequence number of the last event given to it. */
  @ApiProperty({ type: Number }) lastSequence!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

/** The answer to making a subscription or rotating its key: with the `v1` secret, this once. */
export class WebhookSubscriptionWithSecretView extends WebhookSubscriptionView {
  /** `whsec_…`, for `v1` only: keep it, it is not shown again. */
  @ApiPropertyOptional({ type: String }) secret?: string;
}

export function subscriptionView(
  subscription: WebhookSubscription,
  installationKey: Buffer,
  withSecret = false,
): WebhookSubscriptionWithSecretView {
  const keys = deriveSigningKeys(installationKey, subscription.id, subscription.keyGeneration);
  const overlapping =
    subscription.previousKeyUntil !== null &&
    subscription.previousKeyUntil > new Date() &&
    subscription.keyGeneration > 1;
  return {
    id: subscription.id,
    url: subscription.url ?? '',
    events: subscription.eventTypes,
    payloadForm: subscription.payloadForm,
    fhirContent: subscription.fhirContent,
    handshakePending: subscription.handshakePending,
    signature: subscription.signature,
    ...(subscription.signature === 'v1a' && { publicKey: keys.publicKey }),
    ...(subscription.signature === 'v1a' &&
      overlapping && {
        previousPublicKey: deriveSigningKeys(installationKey, subscription.id, subscription.keyGeneration - 1)
          .publicKey,
      }),
    keyGeneration: subscription.keyGeneration,
    previousKeyUntil: subscription.previousKeyUntil,
    status: subscription.status,
    statusReason: subscription.statusReason,
    statusChangedAt: subscription.statusChangedAt,
    lastSequence: subscription.lastSequence,
    createdAt: subscription.createdAt,
    ...(withSecret && subscription.signature === 'v1' && { secret: keys.secret }),
  };
}
