import { given } from '@lintas/testing/decider-spec';
import { createReunificationDecider, reunificationDecider } from './reunification.decider';
import {
  close,
  followUpVisit,
  histories,
  historyOf,
  homeVisit,
  MALANG,
  ownershipMoved,
  REUNIFICATION_ID,
  REUNIFIED_AT,
  reunify,
  start,
  traced,
  transfer,
} from './reunification.fixtures';
import { reunificationStream } from './reunification.stream';

describe('reunification decider', () => {
  it('carries a person from tracing to home, through follow-ups, to closure', () => {
    const journey = historyOf(
      start(),
      traced(),
      homeVisit(),
      reunify(),
      followUpVisit({ visit: 1 }),
      followUpVisit({ visit: 2, at: '2025-08-31T10:00:00+07:00' }),
      followUpVisit({ visit: 3, at: '2025-11-30T10:00:00+07:00' }),
      close(),
    );
    expect(journey.map((event) => event.type)).toEqual([
      'FamilyTracingStarted',
      'FamilyTraced',
      'HomeVisitCompleted',
      'ReunificationCompleted',
      'FollowUpScheduled',
      'FollowUpScheduled',
      'FollowUpScheduled',
      'FollowUpVisitCompleted',
      'FollowUpVisitCompleted',
      'FollowUpVisitCompleted',
      'CaseClosed',
    ]);
    expect(given(reunificationDecider, journey).state).toMatchObject({ status: 'closed', outcome: 'reunified' });
  });

  it('carries a person to the region of origin, where the receiving office completes the return', () => {
    const journey = historyOf(
      start(),
      traced({ regionCode: '350710' }),
      transfer(),
      ownershipMoved(),
      homeVisit({ actor: MALANG }),
      reunify({ actor: MALANG, followUpOffsetsMonths: [1] }),
      followUpVisit({ actor: MALANG }),
      close({ actor: MALANG }),
    );
    expect(journey.at(-1)).toMatchObject({
      type: 'CaseClosed',
      data: { officeId: MALANG.agencyId, outcome: 'reunified' },
    });
  });

  it('takes the default follow-up offsets from its configuration', () => {
    const monthly = createReunificationDecider({ followUpOffsetsMonths: [1, 2] });
    given(monthly, histories.familyReady())
      .when(reunify())
      .then((events) =>
        expect(events.filter((e) => e.type === 'FollowUpScheduled').map((e) => e.data)).toMatchObject([
          { visit: 1, dueOn: '2025-06-30', at: REUNIFIED_AT },
          { visit: 2, dueOn: '2025-07-31', at: REUNIFIED_AT },
        ]),
      );
  });

  it('refuses a configuration with follow-up offsets that cannot be right', () => {
    expect(() => createReunificationDecider({ followUpOffsetsMonths: [3, 1] })).toThrow(/followUpOffsetsMonths/);
    expect(() => createReunificationDecider({ followUpOffsetsMonths: [] })).toThrow(/followUpOffsetsMonths/);
  });

  it('keeps one stream per reunification', () => {
    expect(reunificationStream.streamId(REUNIFICATION_ID)).toBe(`reunification-${REUNIFICATION_ID}`);
  });

  it('ignores events before the stream started (evolve is total)', () => {
    const [traced] = histories.familyLocated().slice(1);
    expect(traced && reunificationDecider.evolve(reunificationDecider.initialState, traced)).toEqual({
      status: 'none',
    });
  });
});
