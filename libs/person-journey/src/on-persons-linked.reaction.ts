import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PersonsLinkedV1 } from '@lintas/contracts/intake/intake.contracts';
import { EventStore } from '@lintas/event-store/event-store';
import type { Reaction, Received } from '@lintas/messaging/reactions/reaction';
import { PersonLinks } from './person-links';

/** Intake found two records to be one person: this service's journeys of both now read as one. */
@Injectable()
export class OnPersonsLinked implements Reaction<PersonsLinkedV1> {
  readonly contract = PersonsLinkedV1;
  private readonly links: PersonLinks;

  constructor(@Inject(EventStore) store: EventStore) {
    this.links = new PersonLinks(store.schema);
  }

  async handle(event: Received<PersonsLinkedV1>, transaction: PoolClient): Promise<void> {
    await this.links.link(transaction, event.data.survivorPersonId, event.data.linkedPersonId);
  }
}
