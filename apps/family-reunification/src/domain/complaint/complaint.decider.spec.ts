import { given } from '@lintas/testing/decider-spec';
import { answerByOf, isOverdue } from './complaint-deadline';
import { complaintDecider, createComplaintDecider } from './complaint.decider';
import {
  answer,
  close,
  COMPLAINT_ID,
  escalate,
  file,
  histories,
  historyOf,
  JATIM,
  OVERDUE_AT,
} from './complaint.fixtures';
import { complaintStream } from './complaint.stream';

describe('complaint decider', () => {
  it('carries a complaint from filing through escalation and answer to closure', () => {
    const journey = historyOf(file(), escalate(), answer({ actor: JATIM, at: OVERDUE_AT }), close());
    expect(journey.map((event) => event.type)).toEqual([
      'ComplaintFiled',
      'ComplaintEscalated',
      'ComplaintAnswered',
      'ComplaintClosed',
    ]);
    expect(given(complaintDecider, journey).state).toMatchObject({ status: 'closed', outcome: 'resolved' });
  });

  it('takes its deadlines from its configuration', () => {
    const quick = createComplaintDecider({ answerWithinDays: 3, escalatedAnswerWithinDays: 2 });
    given(quick)
      .when(file())
      .then((events) => expect(events[0]?.data).toMatchObject({ answerBy: '2025-03-06' }));
    given(quick, historyOf(file()))
      .when(escalate({ at: '2025-03-07T08:00:00+07:00' }))
      .thenThrows('complaint.not-overdue');
  });

  it('refuses deadlines that cannot be right', () => {
    expect(() => createComplaintDecider({ answerWithinDays: 0, escalatedAnswerWithinDays: 7 })).toThrow(
      /answerWithinDays/,
    );
    expect(() => createComplaintDecider({ answerWithinDays: 14, escalatedAnswerWithinDays: 1.5 })).toThrow(
      /escalatedAnswerWithinDays/,
    );
  });

  it('keeps one stream per complaint', () => {
    expect(complaintStream.streamId(COMPLAINT_ID)).toBe(`complaint-${COMPLAINT_ID}`);
  });

  it('ignores events before the stream started (evolve is total)', () => {
    const [, answered] = histories.answered();
    expect(answered && complaintDecider.evolve(complaintDecider.initialState, answered)).toEqual({ status: 'none' });
  });
});

describe('complaint deadlines', () => {
  it('count calendar days across months and years', () => {
    expect(answerByOf('2025-02-20T10:00:00+07:00', 14)).toBe('2025-03-06');
    expect(answerByOf('2024-02-20T10:00:00+07:00', 14)).toBe('2024-03-05');
  });

  it('are overdue from the day after', () => {
    expect(isOverdue('2025-03-17', '2025-03-17T23:59:00+07:00')).toBe(false);
    expect(isOverdue('2025-03-17', '2025-03-18T00:01:00+07:00')).toBe(true);
  });

  it('need an ISO time', () => {
    expect(() => answerByOf('17/03/2025', 14)).toThrow(/complaint.invalid-time/);
  });
});
