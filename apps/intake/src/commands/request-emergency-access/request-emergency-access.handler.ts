import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter, writeResult } from '@lintas/commands/stream-writer';
import { EventStore } from '@lintas/event-store/event-store';
import { EmergencyGrants } from '@lintas/person-journey/emergency/emergency-grants';
import { PersonLinks } from '@lintas/person-journey/person-links';
import { emergencyAccessStream } from '../../domain/emergency-access/emergency-access.stream';
import { RequestEmergencyAccessCommand } from './request-emergency-access.command';
import type { RequestEmergencyAccessResponse } from './request-emergency-access.response.dto';

/**
 * Takes the access and, in the same transaction, lets the agency in here at once; the other
 * services let it in when the event reaches them. The offices owning the person's cases are named
 * in it: they are told through their queue and review it.
 */
@CommandHandler(RequestEmergencyAccessCommand)
export class RequestEmergencyAccessHandler implements ICommandHandler<RequestEmergencyAccessCommand> {
  private readonly links: PersonLinks;
  private readonly schema: string;

  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(EmergencyGrants) private readonly grants: EmergencyGrants,
    @Inject(EventStore) store: EventStore,
  ) {
    this.links = new PersonLinks(store.schema);
    this.schema = store.schema;
  }

  execute({ command, cause }: RequestEmergencyAccessCommand): Promise<RequestEmergencyAccessResponse> {
    return this.streams.transaction(async (tx) => {
      const persons = await this.links.knownGroup(tx.client, command.personId);
      const { rows } = await tx.client.query<{ office_id: string }>(
        `SELECT DISTINCT office_id FROM ${this.schema}.caseload WHERE person_id = ANY($1::uuid[])`,
        [persons],
      );
      const owningOfficeIds = rows.map((row) => row.office_id);
      const taken = await tx.handle(emergencyAccessStream, command.accessId, { ...command, owningOfficeIds }, cause);
      const granted = taken.events.find((event) => event.type === 'EmergencyAccessGranted');
      if (granted?.type !== 'EmergencyAccessGranted')
        throw new Error('an emergency access was decided without its grant');
      const { accessId, personId, agencyId, expiresAt } = granted.data;
      await this.grants.record(tx.client, { accessId, personId, agencyId, expiresAt });
      return { ...writeResult(taken), expiresAt };
    });
  }
}
