import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { PLACEMENT_COLUMNS, type PlacementRow } from '../../read-models/placements/placement-row';

export interface QueueRow extends PlacementRow {
  /** `bed-reserved`: a bed is held and the panti may admit; `waiting`: in the queue at `queuePosition`. */
  queueStatus: 'bed-reserved' | 'waiting';
  queuePosition: number | null;
}

/** Panti's requests not yet admitted, by panti: beds held first, then the queue, each in order of request. */
@Injectable()
export class WaitingListReadModel {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  /** Each panti's list in turn, its queue positions its own. */
  async ofPantis(pantiIds: readonly string[]): Promise<QueueRow[]> {
    if (pantiIds.length === 0) return [];
    const { rows } = await this.pool.query<QueueRow>(
      `SELECT ${PLACEMENT_COLUMNS},
              CASE WHEN q.bed_reserved THEN 'bed-reserved' ELSE 'waiting' END AS "queueStatus",
              CASE WHEN q.bed_reserved THEN NULL
                   ELSE (row_number() OVER (PARTITION BY q.panti_id, q.bed_reserved
                                            ORDER BY q.transaction_id, q.sequence))::int
              END AS "queuePosition"
         FROM ${this.schema}.panti_queue q JOIN ${this.schema}.placements p USING (placement_id)
        WHERE q.panti_id = ANY($1::text[])
        ORDER BY q.panti_id, q.bed_reserved DESC, q.transaction_id, q.sequence`,
      [pantiIds],
    );
    return rows;
  }
}
