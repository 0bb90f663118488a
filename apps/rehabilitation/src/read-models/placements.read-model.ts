import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';

export interface PlacementRow {
  placementId: string;
  caseId: string;
  personId: string;
  pantiId: string;
  officeId: string;
  kind: string;
  status: string;
  requestedAt: string;
  admittedAt: string | null;
  unit: string | null;
  bed: string | null;
  relapses: number;
}

export interface QueueRow extends PlacementRow {
  /** `bed-reserved`: a bed is held and the panti may admit; `waiting`: in the queue at `queuePosition`. */
  queueStatus: 'bed-reserved' | 'waiting';
  queuePosition: number | null;
}

const COLUMNS = `p.placement_id AS "placementId", p.case_id AS "caseId", p.person_id AS "personId",
  p.panti_id AS "pantiId", p.office_id AS "officeId", p.kind, p.status,
  to_char(p.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "requestedAt",
  to_char(p.admitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "admittedAt",
  p.unit, p.bed, p.relapses`;

/** Reads of the placements read model, each already narrowed to what the caller may see. */
@Injectable()
export class PlacementsReadModel {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  async ofCase(caseId: string, officeId: string): Promise<PlacementRow[]> {
    const { rows } = await this.pool.query<PlacementRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.placements p WHERE p.case_id = $1 AND p.office_id = $2 ORDER BY p.requested_at`,
      [caseId, officeId],
    );
    return rows;
  }

  async residents(pantiId: string): Promise<PlacementRow[]> {
    const { rows } = await this.pool.query<PlacementRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.placements p
        WHERE p.panti_id = $1 AND p.status IN ('resident', 'in-rsj', 'absconded') ORDER BY p.admitted_at`,
      [pantiId],
    );
    return rows;
  }

  /** Beds held first, then the queue, each in order of request. */
  async waitingList(pantiId: string): Promise<QueueRow[]> {
    const { rows } = await this.pool.query<QueueRow>(
      `SELECT ${COLUMNS},
              CASE WHEN q.bed_reserved THEN 'bed-reserved' ELSE 'waiting' END AS "queueStatus",
              CASE WHEN q.bed_reserved THEN NULL
                   ELSE (row_number() OVER (PARTITION BY q.bed_reserved ORDER BY q.transaction_id, q.sequence))::int
              END AS "queuePosition"
         FROM ${this.schema}.panti_queue q JOIN ${this.schema}.placements p USING (placement_id)
        WHERE q.panti_id = $1
        ORDER BY q.bed_reserved DESC, q.transaction_id, q.sequence`,
      [pantiId],
    );
    return rows;
  }
}
