import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { Actor } from '../domain/actor';

/** The caller as the referral rules see it: the agency, its kind and region, not the user or client. */
export function domainActor(actor: AgencyActor): Actor {
  return { agencyId: actor.agencyId, kind: actor.kind, regionCode: actor.regionCode };
}
