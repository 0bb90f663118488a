import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { AssessmentDecision, CaseStatus } from '../../domain/case/case.vocabulary';

export interface CaseInQueue {
  caseId: string;
  caseNumber: string;
  personId: string;
  officeId: string;
  status: CaseStatus;
  registeredAt: Date;
  identified: boolean;
  pendingCandidates: number;
  linkedInto: string | null;
  decision: AssessmentDecision | null;
  assessedAt: Date | null;
  transferTo: string | null;
  transferRequestedAt: Date | null;
  abscondedAt: Date | null;
  diedAt: Date | null;
}

const COLUMNS = `case_id AS "caseId", case_number AS "caseNumber", person_id AS "personId", office_id AS "officeId",
  status, registered_at AS "registeredAt", identified, pending_candidates AS "pendingCandidates",
  linked_into AS "linkedInto", decision, assessed_at AS "assessedAt", transfer_to AS "transferTo",
  transfer_requested_at AS "transferRequestedAt", absconded_at AS "abscondedAt", died_at AS "diedAt"`;

/** The offices' work queues, from the table the caseload projection fills: only what the office owns or is asked to take. */
@Injectable()
export class CaseloadReadModel {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  async openCasesOf(actor: AgencyActor, minPosition?: string): Promise<CaseInQueue[]> {
    await this.readModels.waitFor(minPosition);
    const { rows } = await this.pool.query<CaseInQueue>(
      `SELECT ${COLUMNS} FROM ${this.store.schema}.caseload
        WHERE office_id = $1 AND status = 'open' ORDER BY registered_at LIMIT 1000`,
      [actor.agencyId],
    );
    return rows;
  }

  async transfersTo(actor: AgencyActor, minPosition?: string): Promise<CaseInQueue[]> {
    await this.readModels.waitFor(minPosition);
    const { rows } = await this.pool.query<CaseInQueue>(
      `SELECT ${COLUMNS} FROM ${this.store.schema}.caseload
        WHERE transfer_to = $1 ORDER BY transfer_requested_at LIMIT 1000`,
      [actor.agencyId],
    );
    return rows;
  }
}
