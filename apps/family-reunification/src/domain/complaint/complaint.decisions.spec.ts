import { given } from '@lintas/testing/decider-spec';
import { complaintDecider } from './complaint.decider';
import {
  answer,
  ANSWER_BY,
  CASE_ID,
  close,
  COMPLAINT_ID,
  escalate,
  file,
  FILED_AT,
  histories,
  JATIM,
  KEDIRI,
  MALANG,
  OVERDUE_AT,
  PERSON_ID,
  POLRES_MALANG,
  RSJ_LAWANG,
} from './complaint.fixtures';

const ref = { complaintId: COMPLAINT_ID, personId: PERSON_ID, filedBy: MALANG.agencyId, routedTo: KEDIRI.agencyId };

describe('filing a complaint', () => {
  it('routes it to the agency responsible, to answer within 14 days', () => {
    given(complaintDecider)
      .when(file())
      .then([
        {
          type: 'ComplaintFiled',
          data: {
            ...ref,
            kind: 'not-returned',
            about: { type: 'case', id: CASE_ID },
            channel: 'office',
            text: 'my son was found in Kediri three months ago and is still not home',
            answerBy: ANSWER_BY,
            at: FILED_AT,
          },
        },
      ]);
  });

  it('counts the days from the day of filing where it was filed', () => {
    given(complaintDecider)
      .when(file({ at: '2025-12-20T07:00:00+08:00' }))
      .then((events) => expect(events[0]?.data).toMatchObject({ answerBy: '2026-01-03' }));
  });

  it('is filed once', () => {
    given(complaintDecider, histories.filed()).when(file()).thenThrows('complaint.already-filed');
  });

  it('is filed through a Dinas Sosial office, for any channel, or the police, for its own', () => {
    given(complaintDecider)
      .when(file({ channel: 'puskesmas' }))
      .then((events) => expect(events[0]?.data).toMatchObject({ channel: 'puskesmas' }));
    given(complaintDecider)
      .when(file({ actor: POLRES_MALANG, channel: 'police' }))
      .then((events) => expect(events[0]?.data).toMatchObject({ filedBy: 'polres-malang' }));
    given(complaintDecider)
      .when(file({ actor: POLRES_MALANG, channel: 'community-worker' }))
      .thenThrows('complaint.channel-not-of-agency');
    const error = given(complaintDecider)
      .when(file({ actor: RSJ_LAWANG }))
      .thenThrows('complaint.not-a-filer');
    expect(error.kind).toBe('forbidden');
  });

  it('says what is wrong', () => {
    const error = given(complaintDecider)
      .when(file({ text: ' ' }))
      .thenThrows('complaint.text-required');
    expect(error.kind).toBe('invalid');
  });
});

describe('answering a complaint', () => {
  it('records the answer of the agency it is routed to', () => {
    given(complaintDecider, histories.filed())
      .when(answer())
      .then([
        {
          type: 'ComplaintAnswered',
          data: { ...ref, answer: 'the transfer to Malang is arranged for next week', at: '2025-03-10T14:00:00+07:00' },
        },
      ]);
  });

  it('takes a late answer not yet escalated', () => {
    given(complaintDecider, histories.filed())
      .when(answer({ at: OVERDUE_AT }))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('is given by the addressee only: after an escalation, the parent office', () => {
    const filer = given(complaintDecider, histories.filed())
      .when(answer({ actor: MALANG }))
      .thenThrows('complaint.not-addressee');
    expect(filer.kind).toBe('forbidden');
    given(complaintDecider, histories.escalated()).when(answer()).thenThrows('complaint.not-addressee');
    given(complaintDecider, histories.escalated())
      .when(answer({ actor: JATIM }))
      .then((events) => expect(events[0]?.data).toMatchObject({ routedTo: JATIM.agencyId }));
  });

  it('does not exist for any other agency', () => {
    const error = given(complaintDecider, histories.resolved())
      .when(answer({ actor: RSJ_LAWANG }))
      .thenThrows('complaint.not-a-party');
    expect(error.kind).toBe('not-a-party');
  });

  it('is given once, with something said, on an open complaint', () => {
    given(complaintDecider, histories.answered()).when(answer()).thenThrows('complaint.already-answered');
    given(complaintDecider, histories.filed())
      .when(answer({ answer: '' }))
      .thenThrows('complaint.answer-required');
    given(complaintDecider, histories.withdrawn()).when(answer()).thenThrows('complaint.closed');
  });

  it('needs a filed complaint', () => {
    given(complaintDecider).when(answer()).thenThrows('complaint.not-found');
  });
});

describe('escalating an overdue complaint', () => {
  it('routes it to the parent office with a new deadline of 7 days', () => {
    given(complaintDecider, histories.filed())
      .when(escalate())
      .then([
        {
          type: 'ComplaintEscalated',
          data: {
            ...ref,
            routedTo: JATIM.agencyId,
            fromAgencyId: KEDIRI.agencyId,
            overdueSince: ANSWER_BY,
            answerBy: '2025-03-25',
            at: OVERDUE_AT,
          },
        },
      ]);
  });

  it('is refused on or before the last day to answer', () => {
    given(complaintDecider, histories.filed())
      .when(escalate({ at: '2025-03-17T23:30:00+07:00' }))
      .thenThrows('complaint.not-overdue');
  });

  it('is refused once answered or closed', () => {
    given(complaintDecider, histories.answered()).when(escalate()).thenThrows('complaint.answered');
    given(complaintDecider, histories.withdrawn()).when(escalate()).thenThrows('complaint.closed');
  });

  it('escalates again when the parent office misses its own deadline', () => {
    given(complaintDecider, histories.escalated())
      .when(escalate({ at: '2025-03-20T08:00:00+07:00', toAgencyId: 'kemensos' }))
      .thenThrows('complaint.not-overdue');
    given(complaintDecider, histories.escalated())
      .when(escalate({ at: '2025-03-26T08:00:00+07:00', toAgencyId: 'kemensos' }))
      .then((events) =>
        expect(events[0]?.data).toMatchObject({ fromAgencyId: JATIM.agencyId, overdueSince: '2025-03-25' }),
      );
  });

  it('goes to another agency than the one routed to', () => {
    given(complaintDecider, histories.filed())
      .when(escalate({ toAgencyId: KEDIRI.agencyId }))
      .thenThrows('complaint.escalation-to-addressee');
  });

  it('is pressed by the filer (a scheduler on its behalf), not by the addressee', () => {
    given(complaintDecider, histories.filed())
      .when(escalate({ actor: KEDIRI }))
      .thenThrows('complaint.not-filer');
  });
});

describe('closing a complaint', () => {
  it('is resolved by the filer once answered', () => {
    given(complaintDecider, histories.answered())
      .when(close())
      .then([{ type: 'ComplaintClosed', data: { ...ref, outcome: 'resolved', at: '2025-03-20T09:00:00+07:00' } }]);
  });

  it('is not resolved unanswered, but may be withdrawn at any time', () => {
    given(complaintDecider, histories.escalated()).when(close()).thenThrows('complaint.not-answered');
    given(complaintDecider, histories.escalated())
      .when(close({ outcome: 'withdrawn' }))
      .then((events) => expect(events[0]?.data).toMatchObject({ outcome: 'withdrawn', routedTo: JATIM.agencyId }));
  });

  it('is closed by the filer, once', () => {
    given(complaintDecider, histories.answered())
      .when(close({ actor: KEDIRI }))
      .thenThrows('complaint.not-filer');
    given(complaintDecider, histories.resolved()).when(close()).thenThrows('complaint.closed');
  });
});
