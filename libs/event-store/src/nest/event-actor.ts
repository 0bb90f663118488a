import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { Actor } from '../events/event-types';

/** Who did it, as every event records it: the calling agency's system and, where known, its user. */
export function eventActor(actor: AgencyActor): Actor {
  return { agencyId: actor.agencyId, clientId: actor.clientId, ...(actor.userId && { userId: actor.userId }) };
}
