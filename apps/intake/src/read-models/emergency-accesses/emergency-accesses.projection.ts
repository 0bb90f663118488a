import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import type { PersonalDataCipher } from '@lintas/event-store/personal-data-cipher';
import type { IntakeEvent } from '../../domain/intake-event';

/** The reason is the person's data (it may tell of their condition): kept sealed with their key. */
export const SEALED_REASON = ['reason'];

/**
 * Every emergency access, for the offices that must review it: who took it, for whom, until when,
 * and the verdict once reviewed. The reason is kept sealed with the person's key, so an erasure
 * reaches it too.
 */
export class EmergencyAccessesProjection implements Projection {
  readonly name = 'emergency-accesses';

  constructor(
    private readonly schema: string,
    private readonly cipher: PersonalDataCipher | undefined,
  ) {}

  tables(): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${this.schema}.emergency_accesses (
         access_id uuid PRIMARY KEY,
         person_id uuid NOT NULL,
         agency_id text NOT NULL,
         agency_kind text NOT NULL,
         reason jsonb,
         owning_office_ids text[] NOT NULL,
         granted_at timestamptz NOT NULL,
         expires_at timestamptz NOT NULL,
         verdict text,
         reviewed_by text,
         reviewed_at timestamptz
       )`,
      `CREATE INDEX IF NOT EXISTS emergency_accesses_offices ON ${this.schema}.emergency_accesses
         USING gin (owning_office_ids)`,
    ];
  }

  async apply(events: (RecordedEvent & IntakeEvent)[], client: PoolClient): Promise<void> {
    const table = `${this.schema}.emergency_accesses`;
    for (const event of events) {
      if (event.type === 'EmergencyAccessGranted') {
        const d = event.data;
        if (!this.cipher) throw new Error('emergency access reasons are sealed per person: the store needs its cipher');
        const reason = typeof d.reason === 'string' ? d.reason : null;
        const sealed = await this.cipher.seal(d.personId, { reason }, SEALED_REASON);
        await client.query(
          `INSERT INTO ${table}
             (access_id, person_id, agency_id, agency_kind, reason, owning_office_ids, granted_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (access_id) DO NOTHING`,
          [
            d.accessId,
            d.personId,
            d.agencyId,
            d.agencyKind,
            JSON.stringify(sealed),
            d.owningOfficeIds,
            d.grantedAt,
            d.expiresAt,
          ],
        );
      } else if (event.type === 'EmergencyAccessReviewed') {
        const d = event.data;
        await client.query(
          `UPDATE ${table} SET verdict = $2, reviewed_by = $3, reviewed_at = $4 WHERE access_id = $1`,
          [d.accessId, d.verdict, d.reviewedBy, d.reviewedAt],
        );
      }
    }
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.emergency_accesses`);
  }
}
