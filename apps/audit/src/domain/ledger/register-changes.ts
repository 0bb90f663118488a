import type { LedgerEntryData } from './ledger.events';

/** The ledger's type of a change of the agency register (an agency, a client, a secret, a revocation). */
export const REGISTER_CHANGED = 'id.lintas.identity.register.changed.v1';

/** A change as the identity app's admin API lists it (`GET /admin/register-changes`). */
export interface RegisterChangeRecord {
  position: number;
  occurredAt: string;
  actor: { clientId: string; agencyId: string; userId?: string };
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

/**
 * A register change as a ledger entry. `eventId` is made from the issuer and the change's position
 * in its register (by the caller: the domain makes no ids), so a change pulled twice is one entry.
 * It is about no person: it has a stream of its own, in no one's trail.
 */
export function registerChangeEntry(eventId: string, change: RegisterChangeRecord): LedgerEntryData {
  return {
    eventId,
    source: '/lintas/identity',
    type: REGISTER_CHANGED,
    time: change.occurredAt,
    personId: null,
    correlationId: null,
    causationId: null,
    actorAgencyId: change.actor.agencyId,
    actorClientId: change.actor.clientId,
    data: {
      position: change.position,
      action: change.action,
      subject: change.subject,
      detail: change.detail,
      ...(change.actor.userId !== undefined && { userId: change.actor.userId }),
    },
  };
}
