import type { StreamKind } from '@lintas/commands/stream-writer';
import { ledgerDecider, type LedgerCommand, type LedgerState } from './ledger.decider';
import type { LedgerEvent } from './ledger.events';

/** One stream per person; events about no person (a panti's bed book) go to one per publishing service. */
export const ledgerStream: StreamKind<LedgerCommand, LedgerEvent, LedgerState> = {
  streamId: (id) => `ledger-${id}`,
  decider: ledgerDecider,
};

export const ledgerStreamWithoutPerson: StreamKind<LedgerCommand, LedgerEvent, LedgerState> = {
  ...ledgerStream,
  aboutPerson: false,
};
