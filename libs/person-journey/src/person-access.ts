import type { Pool } from 'pg';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { PersonLinks } from './person-links';

/**
 * Who may look at a person as a whole here (their journey, the record of who read their data): an
 * admin, and an office that is or was their party in this service (PersonJourneyProjection). To anyone else the person does not
 * exist: the answer is 404, as for a person never seen.
 */
export class PersonAccess {
  private readonly links: PersonLinks;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.links = new PersonLinks(schema);
  }

  /**
   * The person and every record linked with them, once the actor may see them (or `admit` lets it
   * in under an emergency access); else the person is not found.
   */
  async persons(
    personId: string,
    actor: AgencyActor,
    admit: (personIds: string[], visible: boolean) => Promise<boolean> = async (_, visible) => visible,
  ): Promise<string[]> {
    const persons = await this.links.group(this.pool, personId);
    const { rows } =
      actor.kind === 'admin'
        ? { rows: [1] }
        : await this.pool.query(
            `SELECT 1 FROM ${this.schema}.person_parties WHERE person_id = ANY($1::uuid[]) AND agency_id = $2 LIMIT 1`,
            [persons, actor.agencyId],
          );
    if (!(await admit(persons, rows.length > 0))) {
      throw new DomainError('person.not-found', 'no such person', 'not-found');
    }
    return persons;
  }
}
