import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { ledgerStream, ledgerStreamWithoutPerson } from '../../domain/ledger/ledger.stream';
import { RecordInLedgerCommand } from './record-in-ledger.command';

@CommandHandler(RecordInLedgerCommand)
export class RecordInLedgerHandler implements ICommandHandler<RecordInLedgerCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  async execute({ entry, cause }: RecordInLedgerCommand): Promise<void> {
    const command = { type: 'RecordEntry' as const, entry };
    if (entry.personId) {
      await this.streams.handle(ledgerStream, entry.personId, command, cause, { personId: entry.personId });
    } else {
      await this.streams.handle(ledgerStreamWithoutPerson, streamOfSource(entry.source), command, cause);
    }
  }
}

/** `/lintas/rehabilitation` → `rehabilitation`: the stream of a service's events about no one. */
function streamOfSource(source: string): string {
  return source.replace(/^\/lintas\//, '').replace(/[^a-z0-9-]/g, '-');
}
