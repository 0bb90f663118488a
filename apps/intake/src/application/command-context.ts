import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
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
