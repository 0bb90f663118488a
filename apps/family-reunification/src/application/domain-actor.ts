import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { Actor } from '../domain/actor';

/** The calling agency as the domain's rules see it: who it is, its kind and region, nothing of its client. */
export function domainActor(actor: AgencyActor): Actor {
  return { agencyId: actor.agencyId, kind: actor.kind, regionCode: actor.regionCode };
}
