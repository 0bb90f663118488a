import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import type { ReferralEvent } from '../../domain/referral/referral.events';

/**
 * One row per referral for the work queues: the hospital's referrals to decide and patients to
 * expect, the office's referrals in flight. Ids, codes and times only; the letter and every
 * clinical field stay in the stream, read through GET /referrals/:id where access is checked.
 */
export class ReferralWorkQueueProjection implements Projection<ReferralEvent> {
  readonly name = 'referral-work-queue';

  constructor(private readonly schema: string) {}

  tables(): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${this.schema}.referral_queue (
         referral_id uuid PRIMARY KEY,
         case_id uuid NOT NULL,
         person_id uuid NOT NULL,
         office_id text NOT NULL,
         rsj_id text NOT NULL,
         status text NOT NULL,
         urgency text NOT NULL,
         guarantee_kind text NOT NULL,
         has_letter boolean NOT NULL DEFAULT false,
         return_to_placement_id uuid,
         redirected_from uuid,
         redirected_to uuid,
         requested_at timestamptz NOT NULL,
         decided_at timestamptz,
         decline_reason text,
         expected_admission_on date,
         admitted_at timestamptz,
         ended_at timestamptz,
         discharge_recommendation text
       )`,
      `CREATE INDEX IF NOT EXISTS referral_queue_rsj ON ${this.schema}.referral_queue (rsj_id, status)`,
      `CREATE INDEX IF NOT EXISTS referral_queue_office ON ${this.schema}.referral_queue (office_id, status)`,
    ];
  }

  async apply(events: (RecordedEvent & ReferralEvent)[], client: PoolClient): Promise<void> {
    for (const event of events) {
      const [sql, values] = this.change(event) ?? [];
      if (sql) await client.query(sql, values);
    }
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.referral_queue`);
  }

  /** Each statement is idempotent: applying an event twice leaves the row as once. */
  private change(event: ReferralEvent): [string, unknown[]] | undefined {
    const table = `${this.schema}.referral_queue`;
    const set = (assignments: string, ...values: unknown[]): [string, unknown[]] => [
      `UPDATE ${table} SET ${assignments} WHERE referral_id = $1`,
      [event.data.referralId, ...values],
    ];
    switch (event.type) {
      case 'RsjReferralRequested': {
        const d = event.data;
        return [
          `INSERT INTO ${table} (referral_id, case_id, person_id, office_id, rsj_id, status, urgency, guarantee_kind,
                                 return_to_placement_id, redirected_from, requested_at)
           VALUES ($1, $2, $3, $4, $5, 'requested', $6, $7, $8, $9, $10) ON CONFLICT (referral_id) DO NOTHING`,
          [
            d.referralId,
            d.caseId,
            d.personId,
            d.officeId,
            d.rsjId,
            d.urgency,
            d.guarantee.kind,
            d.returnToPlacementId ?? null,
            d.redirectedFromReferralId ?? null,
            d.at,
          ],
        ];
      }
      case 'ReferralLetterSent':
        return set('has_letter = true');
      case 'PaymentGuaranteeRecorded':
        return set('guarantee_kind = $2', event.data.guarantee.kind);
      case 'RsjReferralAccepted':
        return set(
          `status = 'accepted', decided_at = $2, expected_admission_on = $3`,
          event.data.at,
          event.data.expectedAdmissionOn ?? null,
        );
      case 'RsjReferralDeclined':
        return set(`status = 'declined', decided_at = $2, decline_reason = $3`, event.data.at, event.data.reason);
      case 'RsjReferralRedirected':
        return set(`status = 'redirected', redirected_to = $2, ended_at = $3`, event.data.newReferralId, event.data.at);
      case 'RsjReferralWithdrawn':
        return set(`status = 'withdrawn', ended_at = $2`, event.data.at);
      case 'ReferralMovedToOffice':
        return set('office_id = $2', event.data.toOfficeId);
      case 'PatientAdmitted':
        return set(`status = 'admitted', admitted_at = $2`, event.data.admittedAt);
      case 'PatientDischarged':
        return set(
          `status = 'discharged', ended_at = $2, discharge_recommendation = $3`,
          event.data.dischargedAt,
          event.data.recommendation,
        );
      case 'PatientAbsconded':
        return set(`status = 'absconded', ended_at = $2`, event.data.at);
      case 'PersonDied':
        return set(`status = 'dead', ended_at = $2`, event.data.at);
      case 'TreatmentNoteRecorded':
        return undefined;
    }
  }
}
