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

// RFC 3339 with seconds and an offset, as the contracts' date-times require.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
// A unit's clock may run a little ahead of ours; beyond this, the time is a mistake, not drift.
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * When it happened in the field, else now. The offset the field gave is kept: follow-up visits
 * fall due on the calendar day the family received the person, in their time zone.
 */
export function occurredAt(given: string | undefined, now = new Date()): string {
  if (given === undefined) return now.toISOString();
  const at = new Date(given);
  if (!DATE_TIME.test(given) || Number.isNaN(at.getTime())) {
    throw new EdgeError(
      422,
      'occurred-at.invalid',
      'occurredAt must be a date-time with an offset, e.g. 2025-05-31T10:00:00+07:00',
    );
  }
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new EdgeError(422, 'occurred-at.future', 'occurredAt lies in the future');
  }
  return given;
}

export function writeContext(actor: AgencyActor, ifMatch: number | undefined): WriteContext {
  return { actor, ...(ifMatch !== undefined && { expectedVersion: ifMatch }) };
}
