import type { Decider } from '@lintas/event-store/decider';
import type { LedgerEntryData, LedgerEvent } from './ledger.events';

export interface RecordEntry {
  type: 'RecordEntry';
  entry: LedgerEntryData;
}

export type LedgerCommand = RecordEntry;

/** The ids already in the stream: a redelivery that slipped past the inbox still records once. */
export interface LedgerState {
  recorded: ReadonlySet<string>;
}

/**
 * A person's part of the ledger: every integration event about them, once each, in the order the
 * ledger received them. It refuses nothing: the ledger's task is to keep, not to judge.
 */
export const ledgerDecider: Decider<LedgerCommand, LedgerEvent, LedgerState> = {
  initialState: { recorded: new Set() },
  decide(command, state) {
    if (state.recorded.has(command.entry.eventId)) return [];
    return [{ type: 'LedgerEntryRecorded', data: command.entry }];
  },
  evolve(state, event) {
    return { recorded: new Set([...state.recorded, event.data.eventId]) };
  },
};
