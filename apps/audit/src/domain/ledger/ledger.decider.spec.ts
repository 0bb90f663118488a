import { ledgerDecider } from './ledger.decider';
import type { LedgerEntryData } from './ledger.events';
import { stageOf } from './stages';

const entry = (eventId: string): LedgerEntryData => ({
  eventId,
  source: '/lintas/intake',
  type: 'id.lintas.intake.pickup.reported.v1',
  time: '2026-12-01T08:00:00.000Z',
  personId: '7d8a3c56-0000-4000-8000-000000000001',
  correlationId: 'c-1',
  causationId: null,
  actorAgencyId: 'satpol-pp-surabaya',
  actorClientId: 'satpol-pp-surabaya-1',
  data: { pickupId: 'p-1' },
});

describe('the ledger decider', () => {
  it('records an entry it has not seen', () => {
    expect(ledgerDecider.decide({ type: 'RecordEntry', entry: entry('e-1') }, ledgerDecider.initialState)).toEqual([
      { type: 'LedgerEntryRecorded', data: entry('e-1') },
    ]);
  });

  it('records an entry once, however often it arrives', () => {
    const state = ledgerDecider.evolve(ledgerDecider.initialState, { type: 'LedgerEntryRecorded', data: entry('e-1') });
    expect(ledgerDecider.decide({ type: 'RecordEntry', entry: entry('e-1') }, state)).toEqual([]);
    expect(ledgerDecider.decide({ type: 'RecordEntry', entry: entry('e-2') }, state)).toHaveLength(1);
  });

  it('knows every id of a long stream, and a new fold starts from nothing', () => {
    const events = Array.from({ length: 5_000 }, (_, i) => ({
      type: 'LedgerEntryRecorded' as const,
      data: entry(`e-${i}`),
    }));
    const state = events.reduce(ledgerDecider.evolve, ledgerDecider.initialState);
    expect(state.recorded.size).toBe(5_000);
    expect(ledgerDecider.decide({ type: 'RecordEntry', entry: entry('e-4999') }, state)).toEqual([]);
    // The first fold did not leave its ids in the initial state.
    expect(ledgerDecider.initialState.recorded.size).toBe(0);
    expect(ledgerDecider.decide({ type: 'RecordEntry', entry: entry('e-1') }, ledgerDecider.initialState)).toHaveLength(
      1,
    );
  });

  it('names the stage by the publishing service', () => {
    expect(stageOf('/lintas/health-liaison')).toBe('treatment');
    expect(stageOf('/lintas/family-reunification')).toBe('reunification');
    expect(stageOf('/somewhere/else')).toBe('other');
    expect(stageOf('/lintas/intake', 'id.lintas.intake.access.recorded.v1')).toBe('access');
  });
});
