import { given } from '@lintas/testing/decider-spec';
import { dinsosKediri, dinsosMalang, pantiKediri, rsjLawang, satpolMalang } from '../testing/actors';
import { type CloseCase, type RecordAbsconding, type RecordDeath } from './case.commands';
import { type AbscondingRecorded } from './case.events';
import { AT, caseDecider, caseId, closed, command, died, personId, registered } from './case.fixtures';

const recordDeath = (rest: Partial<RecordDeath> = {}) =>
  command<RecordDeath>('RecordDeath', {
    actor: rsjLawang,
    diedAt: '2025-03-05T03:00:00+07:00',
    reportedBy: 'rsj-lawang',
    ...rest,
  });
const recordAbsconding = (rest: Partial<RecordAbsconding> = {}) =>
  command<RecordAbsconding>('RecordAbsconding', {
    actor: rsjLawang,
    abscondedAt: '2025-03-05T02:00:00+07:00',
    from: 'rsj',
    reportedBy: 'rsj-lawang',
    ...rest,
  });
const closeCase = (rest: Partial<CloseCase> = {}) => command<CloseCase>('CloseCase', { outcome: 'reunified', ...rest });

const absconded: AbscondingRecorded = {
  type: 'AbscondingRecorded',
  data: {
    caseId,
    personId,
    abscondedAt: '2025-03-05T02:00:00+07:00',
    from: 'rsj',
    reportedBy: 'rsj-lawang',
    recordedAt: AT,
  },
};

describe('case outcome: death', () => {
  it('records a death reported by the RSJ', () => {
    given(caseDecider, [registered]).when(recordDeath()).then([died]);
  });

  it('takes a death from a panti or the owning office, with a certificate reference', () => {
    given(caseDecider, [registered])
      .when(recordDeath({ actor: pantiKediri, reportedBy: 'panti-bina-laras-kediri' }))
      .then(([event]) => expect(event?.data).toMatchObject({ recordedBy: 'panti-bina-laras-kediri' }));
    given(caseDecider, [registered])
      .when(recordDeath({ actor: dinsosMalang, reportedBy: 'dinsos-3507', certificateRef: 'akta-kematian-123' }))
      .then(([event]) =>
        expect(event?.data).toMatchObject({ recordedBy: 'dinsos-3507', certificateRef: 'akta-kematian-123' }),
      );
  });

  it('records a death once: a second report changes nothing', () => {
    given(caseDecider, [registered, died]).when(recordDeath()).then([]);
  });

  it('records a death on a closed case too', () => {
    given(caseDecider, [registered, closed]).when(recordDeath()).then([died]);
  });

  it('is not for another Dinas Sosial or a field unit to report', () => {
    given(caseDecider, [registered])
      .when(recordDeath({ actor: dinsosKediri }))
      .thenThrows('case.not-owner');
    given(caseDecider, [registered])
      .when(recordDeath({ actor: satpolMalang }))
      .thenThrows('case.not-owner');
  });

  it('needs instants', () => {
    given(caseDecider, [registered])
      .when(recordDeath({ diedAt: '2025-03-05' }))
      .thenThrows('case.invalid-time');
  });

  it('needs a registered case', () => {
    given(caseDecider).when(recordDeath()).thenThrows('case.not-found');
  });
});

describe('case outcome: absconding', () => {
  it('records that the person ran away from the RSJ', () => {
    given(caseDecider, [registered]).when(recordAbsconding()).then([absconded]);
  });

  it('records the same escape once, and a later one again', () => {
    given(caseDecider, [registered, absconded]).when(recordAbsconding()).then([]);
    given(caseDecider, [registered, absconded])
      .when(recordAbsconding({ abscondedAt: '2025-04-01T20:00:00+07:00', actor: pantiKediri, from: 'panti' }))
      .then(([event]) =>
        expect(event?.data).toMatchObject({ from: 'panti', abscondedAt: '2025-04-01T20:00:00+07:00' }),
      );
  });

  it('takes an escape from the shelter from the owning office', () => {
    given(caseDecider, [registered])
      .when(recordAbsconding({ actor: dinsosMalang, from: 'shelter', reportedBy: 'dinsos-3507' }))
      .then(([event]) => expect(event?.data).toMatchObject({ from: 'shelter' }));
  });

  it('is not recorded on a closed case or for a person who died', () => {
    given(caseDecider, [registered, closed]).when(recordAbsconding()).thenThrows('case.closed');
    given(caseDecider, [registered, died]).when(recordAbsconding()).thenThrows('case.person-deceased');
  });

  it('is not for another office to report', () => {
    given(caseDecider, [registered])
      .when(recordAbsconding({ actor: dinsosKediri }))
      .thenThrows('case.not-owner');
  });
});

describe('case outcome: closure', () => {
  it('closes the case with its outcome', () => {
    given(caseDecider, [registered]).when(closeCase()).then([closed]);
  });

  it('closes a case once: closing it again changes nothing', () => {
    given(caseDecider, [registered, closed])
      .when(closeCase({ outcome: 'died' }))
      .then([]);
  });

  it('closes a case of a person who died, and before the death arrives from another service', () => {
    given(caseDecider, [registered, died])
      .when(closeCase({ outcome: 'died' }))
      .then(([event]) => expect(event?.data).toMatchObject({ outcome: 'died' }));
    given(caseDecider, [registered])
      .when(closeCase({ outcome: 'died' }))
      .then(([event]) => expect(event?.data).toMatchObject({ outcome: 'died' }));
  });

  it('is closed by the owning office only', () => {
    given(caseDecider, [registered])
      .when(closeCase({ actor: dinsosKediri }))
      .thenThrows('case.not-owner');
    given(caseDecider, [registered])
      .when(closeCase({ actor: rsjLawang }))
      .thenThrows('case.not-owner');
  });
});
