import { isAccessRecord, ledgerPlacesOf, personsNamedBy } from './access-records';
import type { LedgerEntryData } from './ledger.events';
import { stageOf } from './stages';

const WAHYUNI = '6c1d2f0e-8b1e-4f3a-9c55-2b7d9e1f4a21';
const BUDI = '7d8a3c56-0000-4000-8000-000000000001';

const access = (data: object, personId: string | null = null): LedgerEntryData => ({
  eventId: '0b1f7c3e-0c57-4d4c-8a65-1a9a8c3b2f10',
  source: '/lintas/intake',
  type: 'id.lintas.intake.access.recorded.v1',
  time: '2026-12-01T08:00:00.123Z',
  personId,
  correlationId: null,
  causationId: null,
  actorAgencyId: 'dinsos-3573',
  actorClientId: 'dinsos-3573-app',
  data: { outcome: 'granted', route: '/cases/:caseId', params: {}, personIds: [], ...data },
});

describe("the ledger's access records", () => {
  it('are known by their contract type, of any service and version', () => {
    expect(isAccessRecord('id.lintas.health-liaison.access.recorded.v1')).toBe(true);
    expect(isAccessRecord('id.lintas.intake.access.recorded.v2')).toBe(true);
    expect(isAccessRecord('id.lintas.intake.case.registered.v1')).toBe(false);
    expect(stageOf('/lintas/health-liaison', 'id.lintas.health-liaison.access.recorded.v1')).toBe('access');
    expect(stageOf('/lintas/health-liaison', 'id.lintas.health-liaison.patient.admitted.v1')).toBe('treatment');
  });

  it('name the persons of the answer and the person the path asked for, once each, in lower case', () => {
    expect(personsNamedBy({ personIds: [WAHYUNI.toUpperCase(), BUDI], params: { personId: WAHYUNI } })).toEqual([
      WAHYUNI,
      BUDI,
    ]);
    expect(personsNamedBy({ personIds: [], params: { personId: BUDI } })).toEqual([BUDI]);
    expect(personsNamedBy({ personIds: [], params: { personId: 'garbage', caseId: WAHYUNI } })).toEqual([]);
    expect(personsNamedBy(null)).toEqual([]);
  });

  it('are kept once in the stream of each person named, each copy carrying that person', () => {
    const places = ledgerPlacesOf(access({ personIds: [WAHYUNI, BUDI] }));
    expect(places.map((p) => ('personId' in p ? p.personId : p.stream))).toEqual([WAHYUNI, BUDI]);
    expect(places.map((p) => p.entry.personId)).toEqual([WAHYUNI, BUDI]);
    expect(places.map((p) => p.entry.eventId)).toEqual([
      '0b1f7c3e-0c57-4d4c-8a65-1a9a8c3b2f10',
      '0b1f7c3e-0c57-4d4c-8a65-1a9a8c3b2f10',
    ]);
  });

  it('keep a refusal under the person the path asked for', () => {
    const places = ledgerPlacesOf(
      access({ outcome: 'refused', route: '/persons/:personId/journey', params: { personId: WAHYUNI } }),
    );
    expect(places).toEqual([{ personId: WAHYUNI, entry: expect.objectContaining({ personId: WAHYUNI }) }]);
  });

  it('keep one naming no one in a stream of its own, which no later entry makes longer', () => {
    const refused = access({ outcome: 'refused', params: { caseId: WAHYUNI } });
    expect(ledgerPlacesOf(refused)).toEqual([
      { stream: `intake-${refused.eventId}`, entry: expect.objectContaining({ personId: null }) },
    ]);
  });

  it('keep an integration event in its person’s stream, or alone when it is about no one', () => {
    const event = { ...access({}, WAHYUNI), type: 'id.lintas.intake.case.registered.v1', data: { personId: BUDI } };
    expect(ledgerPlacesOf(event)).toEqual([{ personId: WAHYUNI, entry: event }]);
    const bedBook = { ...event, source: '/lintas/rehabilitation', personId: null };
    expect(ledgerPlacesOf(bedBook)).toEqual([{ stream: `rehabilitation-${bedBook.eventId}`, entry: bedBook }]);
  });
});
