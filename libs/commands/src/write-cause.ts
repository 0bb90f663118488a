import type { Received } from '@lintas/messaging/reactions/reaction';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';

/**
 * Why a command runs, which decides the metadata of the events it appends: an agency's request
 * (its actor; the version it read, from If-Match) or another service's event (a reaction: the
 * event is the cause and the journey it belongs to).
 */
export type WriteCause =
  { kind: 'request'; agency: AgencyActor; expectedVersion?: number } | { kind: 'event'; event: Received<unknown> };

export function byRequest(agency: AgencyActor, expectedVersion?: number): WriteCause {
  return { kind: 'request', agency, ...(expectedVersion !== undefined && { expectedVersion }) };
}

export function byEvent(event: Received<unknown>): WriteCause {
  return { kind: 'event', event };
}
