import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { PLACEMENT_COLUMNS, type PlacementRow } from '../../read-models/placements/placement-row';

/** The residents of panti: every placement holding one of their beds, by panti, in order of admission. */
@Injectable()
export class ResidentsReadModel {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  async ofPantis(pantiIds: readonly string[]): Promise<PlacementRow[]> {
    if (pantiIds.length === 0) return [];
    const { rows } = await this.pool.query<PlacementRow>(
      `SELECT ${PLACEMENT_COLUMNS} FROM ${this.schema}.placements p
        WHERE p.panti_id = ANY($1::text[]) AND p.status IN ('resident', 'in-rsj', 'absconded')
        ORDER BY p.panti_id, p.admitted_at`,
      [pantiIds],
    );
    return rows;
  }
}
