import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter, writeResult } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { PersonLinks } from '@lintas/person-journey/person-links';
import { EventStore } from '@lintas/event-store/event-store';
import { erasureStream } from '../../domain/erasure/erasure.stream';
import { ErasePersonCommand } from './erase-person.command';

/**
 * Records the erasure of a person and every record linked with them. The keys go when the
 * PersonErased it publishes reaches each service, this one too (OnPersonErased): one way for all,
 * and a crash between the commit and the destruction cannot skip it.
 */
@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  private readonly links: PersonLinks;

  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(EventStore) store: EventStore,
  ) {
    this.links = new PersonLinks(store.schema);
  }

  execute({ command, cause }: ErasePersonCommand): Promise<WriteResult> {
    return this.streams.transaction(async (tx) => {
      const persons = await this.links.knownGroup(tx.client, command.personId);
      return writeResult(await tx.handle(erasureStream, command.personId, { ...command, persons }, cause));
    });
  }
}
