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

const EMPTY: ReadonlySet<string> = new Set();

/**
 * A person's part of the ledger: every integration event about them, once each, in the order the
 * ledger received them. It refuses nothing: the ledger's task is to keep, not to judge.
 */
export const ledgerDecider: Decider<LedgerCommand, LedgerEvent, LedgerState> = {
  initialState: { recorded: EMPTY },
  decide(command, state) {
    if (state.recorded.has(command.entry.eventId)) return [];
    return [{ type: 'LedgerEntryRecorded', data: command.entry }];
  },
  evolve(state, event) {
    // The first event of a fold makes the set, the later ones add to it: no two folds share one
    // (initialState's stays empty). In place, a load is linear in the stream's length; a copy per
    // event made it quadratic, and a person read daily for a year took seconds per new entry.
    const recorded = state.recorded === EMPTY ? new Set<string>() : (state.recorded as Set<string>);
    recorded.add(event.data.eventId);
    return { recorded };
  },
};
