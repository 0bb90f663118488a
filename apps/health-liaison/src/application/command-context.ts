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
 * When it happened in the field (an RSJ may record an admission hours later), else now; always
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
