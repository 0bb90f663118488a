import type { Subscription } from 'fhir/r4';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import { FHIR_CONTENTS, type FhirContent } from '@lintas/webhooks/delivery/webhook-store';
import { BACKPORT } from '@lintas/webhooks/fhir/fhir-notifications';
import { RSJ_REFERRAL_TOPIC } from './referral.fhir';

/** What an RSJ's FHIR Subscription asks for, once checked. */
export interface SubscriptionRequest {
  endpoint: string;
  content: FhirContent;
  heartbeatSeconds?: number;
}

/** The shortest heartbeat period taken: a receiver is not to be kept busy by keep-alives. */
const MIN_HEARTBEAT_SECONDS = 1;

/**
 * A Subscription (R4, Backport IG) to the referral topic: a rest-hook with FHIR JSON, its content
 * `empty`, `id-only` (the default) or `full-resource`, and a heartbeat period if it wants one.
 * Filters are refused rather than ignored: the topic already holds only the caller's referrals,
 * and a filter the server dropped silently would deliver what the client did not ask for.
 */
export function subscriptionRequestOf(id: string, body: unknown): SubscriptionRequest {
  const subscription = body as Partial<Subscription> | null;
  if (subscription === null || typeof subscription !== 'object' || subscription.resourceType !== 'Subscription') {
    throw invalid('the body must be a FHIR Subscription resource');
  }
  if (subscription.id !== undefined && subscription.id !== id) {
    throw invalid(`the Subscription's id (${String(subscription.id)}) is not the id in the URL (${id})`);
  }
  if (subscription.criteria !== RSJ_REFERRAL_TOPIC) {
    throw unprocessable('subscription.unknown-topic', `criteria must be the topic ${RSJ_REFERRAL_TOPIC}`);
  }
  if ((subscription._criteria?.extension ?? []).some((e) => e.url === `${BACKPORT}/backport-filter-criteria`)) {
    throw unprocessable(
      'subscription.filter-not-supported',
      'filter criteria are not supported: the topic holds only the referrals addressed to the calling RSJ',
    );
  }
  const channel = subscription.channel;
  if (channel?.type !== 'rest-hook') {
    throw unprocessable('subscription.channel-not-supported', 'channel.type must be rest-hook');
  }
  if (typeof channel.endpoint !== 'string' || channel.endpoint === '') {
    throw invalid('channel.endpoint must be the URL notifications are POSTed to');
  }
  if (channel.payload !== undefined && channel.payload !== 'application/fhir+json') {
    throw unprocessable('subscription.payload-not-supported', 'channel.payload must be application/fhir+json');
  }
  const content =
    channel._payload?.extension?.find((e) => e.url === `${BACKPORT}/backport-payload-content`)?.valueCode ?? 'id-only';
  if (!(FHIR_CONTENTS as readonly string[]).includes(content)) {
    throw invalid(`the payload content must be one of ${FHIR_CONTENTS.join(', ')}`);
  }
  const heartbeat = channel.extension?.find((e) => e.url === `${BACKPORT}/backport-heartbeat-period`)?.valueUnsignedInt;
  if (heartbeat !== undefined && (!Number.isInteger(heartbeat) || heartbeat < MIN_HEARTBEAT_SECONDS)) {
    throw invalid(`the heartbeat period must be a whole number of seconds, at least ${MIN_HEARTBEAT_SECONDS}`);
  }
  return {
    endpoint: channel.endpoint,
    content: content as FhirContent,
    ...(heartbeat !== undefined && { heartbeatSeconds: heartbeat }),
  };
}

const invalid = (detail: string) => new EdgeError(400, 'subscription.invalid', detail);
const unprocessable = (code: string, detail: string) => new EdgeError(422, code, detail);
