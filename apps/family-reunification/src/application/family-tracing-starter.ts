import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Received } from '@lintas/messaging/reactions/reaction';
import { deterministicUuid } from '@lintas/platform/http/request-context';
import type { TracingTrigger } from '../domain/reunification/reunification.vocabulary';
import { CaseRegister } from './case-register';
import { ReunificationWriter } from './reunification-writer';

export interface HandOver {
  caseId: string;
  personId: string;
  /** The owning office as the sending service knew it. */
  officeId: string;
}

/**
 * Every hand-over to the family (assessment 'home' or 'community', discharge to the family, end
 * of rehabilitation) starts a reunification of its own, its id derived from the event, so that a
 * redelivered event finds the one it started.
 */
@Injectable()
export class FamilyTracingStarter {
  constructor(
    @Inject(ReunificationWriter) private readonly writer: ReunificationWriter,
    @Inject(CaseRegister) private readonly register: CaseRegister,
  ) {}

  async start(
    event: Received<unknown>,
    handOver: HandOver,
    startedFrom: TracingTrigger,
    tx: PoolClient,
  ): Promise<void> {
    const { caseId, personId } = handOver;
    const facts = await this.register.facts(tx, caseId);
    // The person died before this hand-over reached us: there is no family to return them to.
    if (facts.died) return;
    const reunificationId = deterministicUuid(`reunification:${event.id}`);
    // Intake may have moved the case to another office after the sending service last heard of it.
    const officeId = facts.ownerOfficeId ?? handOver.officeId;
    await this.writer.react(
      {
        type: 'StartFamilyTracing',
        reunificationId,
        caseId,
        personId,
        startedFrom,
        leads: [],
        // On behalf of the owning office, whose hand-over this is; no rule of the start reads its region.
        actor: { agencyId: officeId, kind: 'dinas-sosial', regionCode: '' },
        at: event.time,
      },
      event,
      personId,
      tx,
    );
    await this.register.addReunification(tx, caseId, reunificationId, personId);
  }
}
