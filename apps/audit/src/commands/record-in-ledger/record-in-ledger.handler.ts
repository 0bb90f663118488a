import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { ledgerPlacesOf } from '../../domain/ledger/access-records';
import { ledgerStream, ledgerStreamWithoutPerson } from '../../domain/ledger/ledger.stream';
import { RecordInLedgerCommand } from './record-in-ledger.command';

@CommandHandler(RecordInLedgerCommand)
export class RecordInLedgerHandler implements ICommandHandler<RecordInLedgerCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  async execute({ entry, cause }: RecordInLedgerCommand): Promise<void> {
    const places = ledgerPlacesOf(entry);
    await this.streams.transaction(async (tx) => {
      // An access record may name several persons: their streams are locked in one call, so that two
      // records naming the same persons in another order do not lock them crosswise.
      if (places.length > 1) {
        await tx.lock(
          ...places.map((p) =>
            'personId' in p ? ledgerStream.streamId(p.personId) : ledgerStreamWithoutPerson.streamId(p.stream),
          ),
        );
      }
      for (const place of places) {
        const command = { type: 'RecordEntry' as const, entry: place.entry };
        if ('personId' in place) {
          await tx.handle(ledgerStream, place.personId, command, cause, { personId: place.personId });
        } else {
          await tx.handle(ledgerStreamWithoutPerson, place.stream, command, cause);
        }
      }
    });
  }
}
