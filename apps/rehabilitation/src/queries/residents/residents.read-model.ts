import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { PLACEMENT_COLUMNS, type PlacementRow } from '../../read-models/placements/placement-row';

/** A panti's residents: every placement holding one of its beds, in order of admission. */
@Injectable()
export class ResidentsReadModel {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  async ofPanti(pantiId: string): Promise<PlacementRow[]> {
    const { rows } = await this.pool.query<PlacementRow>(
      `SELECT ${PLACEMENT_COLUMNS} FROM ${this.schema}.placements p
        WHERE p.panti_id = $1 AND p.status IN ('resident', 'in-rsj', 'absconded') ORDER BY p.admitted_at`,
      [pantiId],
    );
    return rows;
  }
}
