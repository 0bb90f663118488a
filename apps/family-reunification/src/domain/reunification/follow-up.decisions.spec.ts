import { given } from '@lintas/testing/decider-spec';
import { reunificationDecider } from './reunification.decider';
import {
  CASE_ID,
  died,
  followUpMissed,
  followUpVisit,
  histories,
  historyOf,
  homeVisit,
  KEDIRI,
  MALANG,
  PERSON_ID,
  relapse,
  REUNIFICATION_ID,
  reunify,
  start,
  T0,
  traced,
} from './reunification.fixtures';

const ref = { reunificationId: REUNIFICATION_ID, caseId: CASE_ID, personId: PERSON_ID, officeId: KEDIRI.agencyId };

describe('follow-up visit', () => {
  it('records condition, medication adherence and social functioning', () => {
    given(reunificationDecider, histories.reunified())
      .when(followUpVisit({ puskesmasContacted: true }))
      .then([
        {
          type: 'FollowUpVisitCompleted',
          data: {
            ...ref,
            visit: 1,
            condition: 'stable',
            medicationAdherence: 'regular',
            socialFunctioning: 'helps at the market',
            puskesmasContacted: true,
            at: '2025-06-30T10:00:00+07:00',
          },
        },
      ]);
  });

  it('may come before its due date', () => {
    given(reunificationDecider, histories.reunified())
      .when(followUpVisit({ visit: 2, at: '2025-08-01T10:00:00+07:00' }))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('needs the person reunified', () => {
    given(reunificationDecider, histories.familyReady())
      .when(followUpVisit())
      .thenThrows('reunification.not-reunified');
    given(reunificationDecider, histories.placedLongTerm())
      .when(followUpVisit())
      .thenThrows('reunification.not-reunified');
  });

  it('is one of the scheduled visits', () => {
    const error = given(reunificationDecider, histories.reunified())
      .when(followUpVisit({ visit: 4 }))
      .thenThrows('reunification.unknown-follow-up');
    expect(error.kind).toBe('not-found');
  });

  it('is recorded once, and not after it was missed', () => {
    const visited = historyOf(start(), traced(), homeVisit(), reunify(), followUpVisit());
    given(reunificationDecider, visited).when(followUpVisit()).thenThrows('reunification.follow-up-not-pending');
    const missed = historyOf(start(), traced(), homeVisit(), reunify(), followUpMissed());
    given(reunificationDecider, missed).when(followUpVisit()).thenThrows('reunification.follow-up-not-pending');
  });

  it('is made by the owning office only', () => {
    given(reunificationDecider, histories.reunified())
      .when(followUpVisit({ actor: MALANG }))
      .thenThrows('reunification.not-owning-office');
  });

  it('stops when the person died', () => {
    given(reunificationDecider, historyOf(start(), traced(), homeVisit(), reunify(), died()))
      .when(followUpVisit())
      .thenThrows('reunification.person-died');
  });
});

describe('follow-up missed', () => {
  it('records the visit overdue since its due date', () => {
    given(reunificationDecider, histories.reunified())
      .when(followUpMissed())
      .then([
        {
          type: 'FollowUpMissed',
          data: { ...ref, visit: 1, overdueSince: '2025-06-30', at: '2025-07-15T10:00:00+07:00' },
        },
      ]);
  });

  it('is not missed on or before its due day', () => {
    given(reunificationDecider, histories.reunified())
      .when(followUpMissed({ at: '2025-06-30T23:00:00+07:00' }))
      .thenThrows('reunification.follow-up-not-due');
  });

  it('is one of the pending scheduled visits', () => {
    given(reunificationDecider, histories.reunified())
      .when(followUpMissed({ visit: 9 }))
      .thenThrows('reunification.unknown-follow-up');
    given(reunificationDecider, histories.followedUp())
      .when(followUpMissed({ at: '2026-01-15T10:00:00+07:00' }))
      .thenThrows('reunification.follow-up-not-pending');
  });
});

describe('relapse reported by the family', () => {
  it('records the signs the family saw', () => {
    given(reunificationDecider, histories.reunified())
      .when(relapse())
      .then([{ type: 'RelapseReportedByFamily', data: { ...ref, signs: 'not sleeping, stopped medication', at: T0 } }]);
  });

  it('comes after the person is home', () => {
    given(reunificationDecider, histories.familyReady()).when(relapse()).thenThrows('reunification.not-reunified');
  });

  it('is recorded by the owning office only', () => {
    given(reunificationDecider, histories.reunified())
      .when(relapse({ actor: MALANG }))
      .thenThrows('reunification.not-owning-office');
  });
});
