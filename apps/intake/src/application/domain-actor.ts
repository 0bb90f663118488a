import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { Actor } from '../domain/actor';

/** The caller as the rules see it: the agency, its kind and region, not the user or client. */
export function domainActor(actor: AgencyActor): Actor {
  return { agencyId: actor.agencyId, kind: actor.kind, regionCode: actor.regionCode };
}

/** The caller with the user behind it: a review decision records its social worker. */
export function reviewingActor(actor: AgencyActor): Actor & { userId?: string } {
  return { ...domainActor(actor), ...(actor.userId !== undefined && { userId: actor.userId }) };
}
