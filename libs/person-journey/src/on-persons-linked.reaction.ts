import { Inject } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PersonsLinkedV1 } from '@lintas/contracts/intake/intake.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { PersonLinks } from './person-links';

/** Intake found two records to be one person: this service's journeys of both now read as one. */
@ReactsTo(PersonsLinkedV1)
export class OnPersonsLinked implements Reaction<PersonsLinkedV1> {
  private readonly links: PersonLinks;

  constructor(@Inject(EventStore) store: EventStore) {
    this.links = new PersonLinks(store.schema);
  }

  async handle(event: Received<PersonsLinkedV1>, transaction: PoolClient): Promise<void> {
    await this.links.link(transaction, event.data.survivorPersonId, event.data.linkedPersonId);
  }
}
