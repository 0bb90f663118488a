import { given } from '@lintas/testing/decider-spec';
import { reunificationDecider } from './reunification.decider';
import {
  CASE_ID,
  histories,
  historyOf,
  homeVisit,
  KEDIRI,
  longTerm,
  MALANG,
  PERSON_ID,
  REUNIFICATION_ID,
  REUNIFIED_AT,
  reunify,
  start,
  T0,
  traced,
} from './reunification.fixtures';

const ref = { reunificationId: REUNIFICATION_ID, caseId: CASE_ID, personId: PERSON_ID, officeId: KEDIRI.agencyId };

describe('reunification hand-over', () => {
  it('hands the person to the ready family and schedules follow-ups at 1, 3 and 6 months by default', () => {
    given(reunificationDecider, histories.familyReady())
      .when(reunify())
      .then([
        {
          type: 'ReunificationCompleted',
          data: {
            ...ref,
            handedTo: { name: 'Ibu S.', relation: 'mother' },
            place: 'family home',
            documentsHandedOver: ['discharge letter'],
            medicationHandedOver: 'one month supply',
            at: REUNIFIED_AT,
          },
        },
        { type: 'FollowUpScheduled', data: { ...ref, visit: 1, dueOn: '2025-06-30', at: REUNIFIED_AT } },
        { type: 'FollowUpScheduled', data: { ...ref, visit: 2, dueOn: '2025-08-31', at: REUNIFIED_AT } },
        { type: 'FollowUpScheduled', data: { ...ref, visit: 3, dueOn: '2025-11-30', at: REUNIFIED_AT } },
      ]);
  });

  it('takes the follow-up offsets from the command when given, with the puskesmas', () => {
    given(reunificationDecider, histories.familyReady())
      .when(reunify({ followUpOffsetsMonths: [2, 12], puskesmasId: 'puskesmas-sukorame' }))
      .then((events) =>
        expect(events.slice(1).map((e) => e.data)).toEqual([
          { ...ref, visit: 1, dueOn: '2025-07-31', puskesmasId: 'puskesmas-sukorame', at: REUNIFIED_AT },
          { ...ref, visit: 2, dueOn: '2026-05-31', puskesmasId: 'puskesmas-sukorame', at: REUNIFIED_AT },
        ]),
      );
  });

  it('refuses follow-up offsets that are not increasing whole months', () => {
    for (const followUpOffsetsMonths of [[], [0], [1.5], [3, 1], [1, 1]]) {
      const error = given(reunificationDecider, histories.familyReady())
        .when(reunify({ followUpOffsetsMonths }))
        .thenThrows('reunification.invalid-follow-up-offsets');
      expect(error.kind).toBe('invalid');
    }
  });

  it('needs a located family', () => {
    given(reunificationDecider, histories.tracing()).when(reunify()).thenThrows('reunification.family-not-located');
    given(reunificationDecider, histories.familyNotFound())
      .when(reunify())
      .thenThrows('reunification.family-not-located');
  });

  it('needs a family found ready at a home visit', () => {
    given(reunificationDecider, histories.familyLocated()).when(reunify()).thenThrows('reunification.family-not-ready');
    given(reunificationDecider, historyOf(start(), traced(), homeVisit({ readiness: 'not-ready' })))
      .when(reunify())
      .thenThrows('reunification.family-not-ready');
    given(reunificationDecider, histories.familyDeclined())
      .when(reunify())
      .thenThrows('reunification.family-not-ready');
  });

  it('happens once', () => {
    given(reunificationDecider, histories.reunified()).when(reunify()).thenThrows('reunification.concluded');
  });

  it('is done by the owning office only', () => {
    given(reunificationDecider, histories.familyReady())
      .when(reunify({ actor: MALANG }))
      .thenThrows('reunification.not-owning-office');
  });
});

describe('long-term placement', () => {
  it('is arranged when no family was found', () => {
    given(reunificationDecider, histories.familyNotFound())
      .when(longTerm({ reviewOn: '2026-03-01' }))
      .then([
        {
          type: 'LongTermPlacementArranged',
          data: { ...ref, pantiId: 'panti-bina-laras-kediri', reason: 'no-family', reviewOn: '2026-03-01', at: T0 },
        },
      ]);
  });

  it('is arranged when the family declined or is not ready', () => {
    given(reunificationDecider, histories.familyDeclined())
      .when(longTerm({ reason: 'family-unable' }))
      .then((events) => expect(events).toMatchObject([{ data: { reason: 'family-unable' } }]));
    given(reunificationDecider, historyOf(start(), traced(), homeVisit({ readiness: 'not-ready' })))
      .when(longTerm({ reason: 'family-unable' }))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('is not "no family" while tracing runs or after a family was found', () => {
    given(reunificationDecider, histories.tracing()).when(longTerm()).thenThrows('reunification.family-not-ruled-out');
    given(reunificationDecider, histories.familyLocated())
      .when(longTerm())
      .thenThrows('reunification.family-not-ruled-out');
  });

  it('is not "family unable" without a family found unable', () => {
    for (const history of [
      histories.tracing(),
      histories.familyNotFound(),
      histories.familyLocated(),
      histories.familyReady(),
    ]) {
      given(reunificationDecider, history)
        .when(longTerm({ reason: 'family-unable' }))
        .thenThrows('reunification.family-not-unable');
    }
  });

  it('is arranged once, and not after the person went home', () => {
    given(reunificationDecider, histories.placedLongTerm()).when(longTerm()).thenThrows('reunification.concluded');
    given(reunificationDecider, histories.reunified())
      .when(longTerm({ reason: 'family-unable' }))
      .thenThrows('reunification.concluded');
  });

  it('is arranged by the owning office only', () => {
    given(reunificationDecider, histories.familyNotFound())
      .when(longTerm({ actor: MALANG }))
      .thenThrows('reunification.not-owning-office');
  });
});
