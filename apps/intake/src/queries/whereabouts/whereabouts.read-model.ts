import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { PersonLinks } from '@lintas/person-journey/person-links';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { Stage } from '../../read-models/whereabouts/whereabouts-steps';

export interface PersonWhereabouts {
  personId: string;
  stage: Stage;
  since: string;
  agencyId: string | null;
}

/** From the whereabouts steps: this service's projection and the reactions to the other services' events fill them. */
@Injectable()
export class WhereaboutsReadModel {
  private readonly links: PersonLinks;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {
    this.links = new PersonLinks(store.schema);
  }

  /**
   * Where the person (and every record linked with them) is now: the latest step, except that
   * death is final. Only for an admin, the owning office and the office of the region where the
   * person was found; for any other, none.
   */
  async whereIs(
    personId: string,
    actor: AgencyActor,
    minPosition?: string,
  ): Promise<(PersonWhereabouts & { persons: string[] }) | undefined> {
    await this.readModels.waitFor(minPosition);
    const persons = await this.links.group(this.pool, personId);
    if (actor.kind !== 'admin' && !(await this.mayBeSeenBy(persons, actor))) return undefined;
    const { rows } = await this.pool.query<{ stage: Stage; since: Date; agency_id: string | null }>(
      `SELECT stage, since, agency_id FROM ${this.store.schema}.whereabouts_steps
        WHERE person_id = ANY($1::uuid[])
        ORDER BY (stage = 'died') DESC, since DESC, stage_rank DESC LIMIT 1`,
      [persons],
    );
    const row = rows[0];
    return row && { personId, stage: row.stage, since: row.since.toISOString(), agencyId: row.agency_id, persons };
  }

  private async mayBeSeenBy(persons: readonly string[], office: AgencyActor): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM ${this.store.schema}.whereabouts_access
        WHERE person_id = ANY($1::uuid[]) AND (office_id = $2 OR region_code = $3) LIMIT 1`,
      [persons, office.agencyId, office.regionCode],
    );
    return rows.length > 0;
  }
}
