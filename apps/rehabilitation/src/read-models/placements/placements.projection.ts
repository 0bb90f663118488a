import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import type { PantiEvent } from '../../domain/panti/panti.events';
import type { PlacementEvent } from '../../domain/placement/placement.events';

type Stored = RecordedEvent & (PlacementEvent | PantiEvent);

/** The status a placement has after each event that changes nothing else here. */
const STATUS_AFTER = {
  PlacementWaitlisted: 'waitlisted',
  PlacementDeclined: 'declined',
  PlacementWithdrawn: 'withdrawn',
  ResidentReturnedFromRsj: 'resident',
  ResidentAbsconded: 'absconded',
  AbscondedResidentReturned: 'resident',
  RehabilitationTerminated: 'terminated',
} satisfies Partial<Record<PlacementEvent['type'], string>>;

/**
 * Placements by case, person and panti, and each panti's queue in order: for the work queues, for
 * the case's office, and for reactions that start from a case or a person. Ids, codes and times
 * only; nothing personal is copied here.
 */
export class PlacementsProjection implements Projection<PlacementEvent | PantiEvent> {
  readonly name = 'placements';

  constructor(private readonly schema: string) {}

  tables(): string[] {
    const schema = this.schema;
    return [
      `CREATE TABLE IF NOT EXISTS ${schema}.placements (
         placement_id uuid PRIMARY KEY,
         case_id uuid NOT NULL,
         person_id uuid NOT NULL,
         panti_id text NOT NULL,
         office_id text NOT NULL,
         kind text NOT NULL,
         status text NOT NULL,
         requested_at timestamptz NOT NULL,
         admitted_at timestamptz,
         unit text,
         bed text,
         relapses integer NOT NULL DEFAULT 0,
         updated_at timestamptz NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS placements_case ON ${schema}.placements (case_id)`,
      `CREATE INDEX IF NOT EXISTS placements_person ON ${schema}.placements (person_id)`,
      `CREATE INDEX IF NOT EXISTS placements_panti ON ${schema}.placements (panti_id, status)`,
      `CREATE TABLE IF NOT EXISTS ${schema}.panti_queue (
         placement_id uuid PRIMARY KEY,
         panti_id text NOT NULL,
         transaction_id xid8 NOT NULL,
         sequence bigint NOT NULL,
         bed_reserved boolean NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS panti_queue_order ON ${schema}.panti_queue (panti_id, transaction_id, sequence)`,
    ];
  }

  async apply(events: Stored[], client: PoolClient): Promise<void> {
    for (const event of events) await this.applyOne(event, client);
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.placements, ${this.schema}.panti_queue`);
  }

  private async applyOne(event: Stored, client: PoolClient): Promise<void> {
    const placements = `${this.schema}.placements`;
    const queue = `${this.schema}.panti_queue`;
    const at = event.metadata.occurredAt;
    switch (event.type) {
      case 'PlacementRequested': {
        const { placementId, caseId, personId, pantiId, officeId, kind } = event.data;
        await client.query(
          `INSERT INTO ${placements} (placement_id, case_id, person_id, panti_id, office_id, kind, status, requested_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'requested', $7, $7) ON CONFLICT (placement_id) DO NOTHING`,
          [placementId, caseId, personId, pantiId, officeId, kind, at],
        );
        return;
      }
      case 'PlacedInPanti':
        await client.query(
          `UPDATE ${placements} SET status = 'resident', admitted_at = $2, unit = $3, bed = $4, updated_at = $2
            WHERE placement_id = $1`,
          [event.data.placementId, event.data.admittedAt, event.data.unit, event.data.bed],
        );
        return;
      case 'RelapseReported':
        await client.query(
          `UPDATE ${placements} SET status = 'in-rsj', relapses = relapses + 1, updated_at = $2 WHERE placement_id = $1`,
          [event.data.placementId, at],
        );
        return;
      case 'PlacementOwnershipTransferred':
        await client.query(`UPDATE ${placements} SET office_id = $2, updated_at = $3 WHERE placement_id = $1`, [
          event.data.placementId,
          event.data.toOfficeId,
          at,
        ]);
        return;
      case 'WaitingListJoined':
      case 'BedReserved':
        // A reservation for someone who waited keeps their place in the order; a new one queues last.
        await client.query(
          `INSERT INTO ${queue} (placement_id, panti_id, transaction_id, sequence, bed_reserved)
           VALUES ($1, $2, $3::text::xid8, $4, $5)
           ON CONFLICT (placement_id) DO UPDATE SET bed_reserved = excluded.bed_reserved`,
          [
            event.data.placementId,
            event.data.pantiId,
            event.position.transactionId.toString(),
            event.position.sequence.toString(),
            event.type === 'BedReserved',
          ],
        );
        return;
      case 'WaitingListLeft':
      case 'BedOccupied':
      case 'BedReleased':
        await client.query(`DELETE FROM ${queue} WHERE placement_id = $1`, [event.data.placementId]);
        return;
      case 'PlacementWaitlisted':
      case 'PlacementDeclined':
      case 'PlacementWithdrawn':
      case 'ResidentReturnedFromRsj':
      case 'ResidentAbsconded':
      case 'AbscondedResidentReturned':
      case 'RehabilitationTerminated':
        await client.query(`UPDATE ${placements} SET status = $2, updated_at = $3 WHERE placement_id = $1`, [
          event.data.placementId,
          STATUS_AFTER[event.type],
          at,
        ]);
        return;
      default:
        // ATENSI work and a panti's capacity show in no row of this model.
        return;
    }
  }
}
