import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { Actor } from '../domain/actor';

/** The calling agency, as the domain checks it against the placement. */
export function domainActor(actor: AgencyActor): Actor {
  return { agencyId: actor.agencyId, kind: actor.kind, regionCode: actor.regionCode };
}

/**
 * A Dinas Sosial office named in another service's event. Contracts carry the office id only; by
 * the agency naming convention (`dinsos-3507`) its digits are the region it serves.
 */
export function officeActor(officeId: string): Actor {
  return { agencyId: officeId, kind: 'dinas-sosial', regionCode: /(\d{2,4})$/.exec(officeId)?.[1] ?? '' };
}

/**
 * Lintas itself, acting on a fact another service has already checked (a death it recorded): the
 * domain lets an admin do what any agency may report.
 */
export const LINTAS_ACTOR: Actor = { agencyId: 'lintas-rehabilitation', kind: 'admin', regionCode: '' };
