import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { LedgerEntryData } from '../../domain/ledger/ledger.events';

/** Another service's integration event, to be kept in the ledger. */
export class RecordInLedgerCommand extends Command<void> {
  constructor(
    readonly entry: LedgerEntryData,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
