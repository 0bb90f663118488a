import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { Pool } from 'pg';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { EventStore } from '@lintas/event-store/event-store';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { PersonLinks } from '@lintas/person-journey/person-links';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { MinPosition } from '@lintas/platform/http/request-context';
import { Whereabouts, type PersonWhereabouts } from '../../application/whereabouts';

@Controller('persons')
export class WhereaboutsController {
  private readonly whereabouts: Whereabouts;
  private readonly links: PersonLinks;

  constructor(
    @Inject(EventStore) store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Pool) private readonly pool: Pool,
  ) {
    this.whereabouts = new Whereabouts(store.schema);
    this.links = new PersonLinks(store.schema);
  }

  /**
   * Where the person is now, across the services, for every record linked with them. An office
   * sees the persons of its cases and those found in its region; to any other it does not exist.
   * Eventually consistent: the other services' events arrive as they are published.
   */
  @Get(':personId/whereabouts')
  @Allow('dinas-sosial', 'admin')
  async show(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Actor() actor: AgencyActor,
    @MinPosition() minPosition?: string,
  ): Promise<PersonWhereabouts & { persons: string[] }> {
    await this.readModels.waitFor(minPosition);
    const persons = await this.links.group(this.pool, personId);
    const allowed = actor.kind === 'admin' || (await this.whereabouts.mayBeSeenBy(this.pool, persons, actor));
    const now = allowed ? await this.whereabouts.now(this.pool, persons) : undefined;
    if (!now) throw new DomainError('person.not-found', 'no such person', 'not-found');
    return { ...now, personId, persons };
  }
}
