import { given } from '@lintas/testing/decider-spec';
import { reunificationDecider } from './reunification.decider';
import {
  CASE_ID,
  close,
  died,
  followUpMissed,
  followUpVisit,
  histories,
  historyOf,
  homeVisit,
  KEDIRI,
  MALANG,
  ownershipMoved,
  PERSON_ID,
  REUNIFICATION_ID,
  reunify,
  RSJ_LAWANG,
  start,
  T0,
  traced,
} from './reunification.fixtures';

const ref = { reunificationId: REUNIFICATION_ID, caseId: CASE_ID, personId: PERSON_ID, officeId: KEDIRI.agencyId };

describe('person died (health-liaison PersonDied)', () => {
  it('is recorded whoever reports it', () => {
    given(reunificationDecider, histories.familyLocated())
      .when(died())
      .then([
        {
          type: 'PersonDeathRecorded',
          data: { ...ref, diedAt: '2025-04-01T02:00:00+07:00', reportedBy: RSJ_LAWANG.agencyId, at: T0 },
        },
      ]);
  });

  it('stops every step but the closure', () => {
    const afterDeath = histories.personDied();
    given(reunificationDecider, afterDeath).when(homeVisit()).thenThrows('reunification.person-died');
    given(reunificationDecider, afterDeath).when(traced()).thenThrows('reunification.person-died');
    given(reunificationDecider, afterDeath)
      .when(close({ outcome: 'reunified' }))
      .thenThrows('reunification.person-died');
    given(reunificationDecider, afterDeath)
      .when(close({ outcome: 'died' }))
      .then([{ type: 'CaseClosed', data: { ...ref, outcome: 'died', at: T0 } }]);
  });

  it('is recorded once, and not on a closed case', () => {
    given(reunificationDecider, histories.personDied()).when(died()).then([]);
    given(reunificationDecider, histories.closed()).when(died()).then([]);
  });

  it('still lets the case move to another office, which then closes it', () => {
    given(reunificationDecider, historyOf(start(), traced(), died(), ownershipMoved()))
      .when(close({ outcome: 'died', actor: MALANG }))
      .then((events) => expect(events).toMatchObject([{ data: { officeId: MALANG.agencyId, outcome: 'died' } }]));
  });
});

describe('case closure', () => {
  it('closes a reunified case once every follow-up is done or missed', () => {
    given(reunificationDecider, histories.followedUp())
      .when(close())
      .then([{ type: 'CaseClosed', data: { ...ref, outcome: 'reunified', at: T0 } }]);
    const lastMissed = historyOf(
      start(),
      traced(),
      homeVisit(),
      reunify(),
      followUpVisit({ visit: 1 }),
      followUpMissed({ visit: 2, at: '2025-09-15T10:00:00+07:00' }),
      followUpMissed({ visit: 3, at: '2025-12-15T10:00:00+07:00' }),
    );
    given(reunificationDecider, lastMissed)
      .when(close())
      .then((events) => expect(events).toHaveLength(1));
  });

  it('does not close with follow-ups pending', () => {
    given(reunificationDecider, histories.reunified()).when(close()).thenThrows('reunification.follow-ups-pending');
  });

  it('closes with follow-ups pending when the person died or was lost to follow-up', () => {
    given(reunificationDecider, histories.reunified())
      .when(close({ outcome: 'died' }))
      .then((events) => expect(events).toHaveLength(1));
    given(reunificationDecider, histories.reunified())
      .when(close({ outcome: 'lost-to-follow-up' }))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('closes as reunified only a reunified case', () => {
    given(reunificationDecider, histories.familyReady()).when(close()).thenThrows('reunification.not-reunified');
  });

  it('closes as long-term placement only once one is arranged', () => {
    given(reunificationDecider, histories.placedLongTerm())
      .when(close({ outcome: 'long-term-placement' }))
      .then([{ type: 'CaseClosed', data: { ...ref, outcome: 'long-term-placement', at: T0 } }]);
    given(reunificationDecider, histories.familyNotFound())
      .when(close({ outcome: 'long-term-placement' }))
      .thenThrows('reunification.no-long-term-placement');
  });

  it('closes as transferred only while the person is with another office', () => {
    given(reunificationDecider, histories.familyReady())
      .when(close({ outcome: 'transferred' }))
      .thenThrows('reunification.no-transfer-pending');
    given(reunificationDecider, histories.transferAccepted())
      .when(close({ outcome: 'transferred', actor: MALANG }))
      .thenThrows('reunification.no-transfer-pending');
  });

  it('does not close twice', () => {
    given(reunificationDecider, histories.closed())
      .when(close({ outcome: 'long-term-placement' }))
      .thenThrows('reunification.closed');
  });

  it('stops every step after closure', () => {
    given(reunificationDecider, histories.closed()).when(traced()).thenThrows('reunification.closed');
  });

  it('is done by the owning office only', () => {
    given(reunificationDecider, histories.followedUp())
      .when(close({ actor: MALANG }))
      .thenThrows('reunification.not-owning-office');
  });

  it('needs a started reunification', () => {
    given(reunificationDecider).when(close()).thenThrows('reunification.not-found');
  });
});
