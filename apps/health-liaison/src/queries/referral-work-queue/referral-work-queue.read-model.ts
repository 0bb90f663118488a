import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { ReferralStatus } from '../../domain/referral/referral.state';
import type {
  DeclineReason,
  DischargeRecommendation,
  GuaranteeKind,
  Urgency,
} from '../../domain/referral/referral.vocabulary';
import type { ReferralWorkQueueQuery } from './referral-work-queue.request.dto';

export interface QueuedReferral {
  referralId: string;
  caseId: string;
  personId: string;
  officeId: string;
  rsjId: string;
  status: ReferralStatus;
  urgency: Urgency;
  guaranteeKind: GuaranteeKind;
  hasLetter: boolean;
  returnToPlacementId: string | null;
  redirectedFrom: string | null;
  redirectedTo: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  declineReason: DeclineReason | null;
  expectedAdmissionOn: string | null;
  admittedAt: Date | null;
  endedAt: Date | null;
  dischargeRecommendation: DischargeRecommendation | null;
}

const OPEN = ['requested', 'accepted', 'declined', 'admitted'];

/** The work queues, from the table the referral-work-queue projection fills. */
@Injectable()
export class ReferralWorkQueueReadModel {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  /**
   * An RSJ's queue (referrals addressed to it) or an office's (referrals of cases it owns): least
   * privilege decides which column the caller is matched on. Most urgent first, then oldest.
   */
  async queueOf(actor: AgencyActor, query: ReferralWorkQueueQuery, minPosition?: string): Promise<QueuedReferral[]> {
    await this.readModels.waitFor(minPosition);
    const party = actor.kind === 'rsj' ? 'rsj_id' : 'office_id';
    const { rows } = await this.pool.query<QueuedReferral>(
      `SELECT referral_id AS "referralId", case_id AS "caseId", person_id AS "personId", office_id AS "officeId",
              rsj_id AS "rsjId", status, urgency, guarantee_kind AS "guaranteeKind", has_letter AS "hasLetter",
              return_to_placement_id AS "returnToPlacementId", redirected_from AS "redirectedFrom",
              redirected_to AS "redirectedTo", requested_at AS "requestedAt", decided_at AS "decidedAt",
              decline_reason AS "declineReason", to_char(expected_admission_on, 'YYYY-MM-DD') AS "expectedAdmissionOn",
              admitted_at AS "admittedAt", ended_at AS "endedAt", discharge_recommendation AS "dischargeRecommendation"
         FROM ${this.store.schema}.referral_queue
        WHERE ${party} = $1 AND status = ANY($2::text[])
          AND ($3::uuid IS NULL OR case_id = $3) AND ($4::uuid IS NULL OR person_id = $4)
        ORDER BY array_position(ARRAY['emergency', 'urgent', 'routine'], urgency), requested_at
        LIMIT 500`,
      [actor.agencyId, query.status?.split(',') ?? OPEN, query.caseId ?? null, query.personId ?? null],
    );
    return rows;
  }
}
