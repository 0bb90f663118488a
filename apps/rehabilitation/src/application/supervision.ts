import { NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { AuditedRequest } from '@lintas/platform/http/access/audited-reads';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';

/**
 * A provincial Dinas Sosial oversees its UPTs: the panti whose parent office in the agency register
 * is that office. The register's relationship reaches this service in the office's access token
 * (`supervised_agencies`, AgencyActor.supervises), never by asking the register nor by an id or
 * region convention; a change there holds here from the office's next token, within 15 minutes.
 * It lets the office read what the panti reads of its placements, never act for it: the domain's
 * actor (domainActor) does not carry it, so it allows no command.
 */
export function supervisesPanti(actor: AgencyActor, pantiId: string): boolean {
  return uptsOf(actor).includes(pantiId);
}

/** The agencies a provincial office is the parent of (its UPTs, also its kab/kota offices); none for others. */
function uptsOf(actor: AgencyActor): readonly string[] {
  return actor.kind === 'dinas-sosial-provinsi' ? (actor.supervises ?? []) : [];
}

/**
 * The panti whose work queues the caller reads: a panti its own; a provincial office the UPT it
 * names, or all of its UPTs together. A panti that is not the caller's (not itself, not a UPT of
 * the office) does not exist for it: 404 `panti.not-found`, as for an id nobody registered.
 */
export function queuedPantisFor(actor: AgencyActor, asked: string | undefined): string[] {
  if (actor.kind === 'panti') {
    if (asked !== undefined && asked !== actor.agencyId) {
      throw new NotAPartyError('panti', 'panti.not-own-queue', 'a panti reads its own work queues only');
    }
    return [actor.agencyId];
  }
  if (asked === undefined) return [...uptsOf(actor)];
  if (!supervisesPanti(actor, asked)) {
    throw new NotAPartyError('panti', 'panti.not-supervised', 'only the provincial office of a UPT reads its queues');
  }
  return [asked];
}

/** Why a read was granted by supervision, in its access record: `supervised-panti:<the UPTs it read>`. */
export const SUPERVISION_READ_REASON = 'supervised-panti';

export function noteSupervisionRead(request: AuditedRequest, pantiIds: readonly string[]): void {
  request.readReason = `${SUPERVISION_READ_REASON}:${pantiIds.join(',')}`;
}
