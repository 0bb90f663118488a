import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import type { Actor } from '../domain/actor';

/** What the edge knows of a write besides its command: who calls, and the version they read. */
export interface WriteContext {
  actor: AgencyActor;
  /** From If-Match. */
  expectedVersion?: number;
}

export function domainActor(actor: AgencyActor): Actor {
  return { agencyId: actor.agencyId, kind: actor.kind, regionCode: actor.regionCode };
}

// A unit's clock may run a little ahead of ours; beyond this, the time is a mistake, not drift.
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * When it happened in the field (an offline unit submits hours or days later), else now; always
 * in UTC with an offset, as the contracts' date-times require.
 */
export function occurredAt(given: string | undefined, now = new Date()): string {
  if (given === undefined) return now.toISOString();
  const at = new Date(given);
  if (Number.isNaN(at.getTime())) throw new EdgeError(422, 'occurred-at.invalid', 'occurredAt is not a time');
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new EdgeError(422, 'occurred-at.future', 'occurredAt lies in the future');
  }
  return at.toISOString();
}

/**
 * A field time given by a client, in UTC. A time without an offset is passed on as given: read in
 * the server's zone it could be hours off (WIB, WITA, WIT), so the domain refuses it.
 */
export function instant(given: string): string {
  const at = new Date(given);
  if (Number.isNaN(at.getTime()) || !/(Z|[+-]\d{2}:?\d{2})$/i.test(given)) return given;
  return at.toISOString();
}
