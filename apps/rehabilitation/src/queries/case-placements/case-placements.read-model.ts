import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { PLACEMENT_COLUMNS, type PlacementRow } from '../../read-models/placements/placement-row';

/** A case's placements, only those its office owns now. */
@Injectable()
export class CasePlacementsReadModel {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  async ofCase(caseId: string, officeId: string): Promise<PlacementRow[]> {
    const { rows } = await this.pool.query<PlacementRow>(
      `SELECT ${PLACEMENT_COLUMNS} FROM ${this.schema}.placements p
        WHERE p.case_id = $1 AND p.office_id = $2 ORDER BY p.requested_at`,
      [caseId, officeId],
    );
    return rows;
  }
}
