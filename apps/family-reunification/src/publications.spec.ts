import type { EventMetadata } from '@lintas/event-store/events/event-types';
import * as contracts from '@lintas/contracts/family-reunification/family-reunification.contracts';
import type { ComplaintFiled } from './domain/complaint/complaint.events';
import { COMPLAINT_KINDS, COMPLAINT_SUBJECT_TYPES } from './domain/complaint/complaint.vocabulary';
import type { FollowUpMissed } from './domain/reunification/reunification.events';
import { TRACING_TRIGGERS } from './domain/reunification/reunification.vocabulary';
import { CASE_ID, MALANG, PERSON_ID, REUNIFICATION_ID } from './domain/reunification/reunification.fixtures';
import { FAMILY_REUNIFICATION_PUBLICATIONS } from './publications';

const metadata: EventMetadata = {
  occurredAt: '2025-07-01T09:00:00+07:00',
  recordedAt: '2025-07-01T02:00:01.000Z',
  correlationId: 'c0ffee00-0000-4000-8000-000000000000',
  causationId: null,
  actor: { agencyId: MALANG.agencyId, clientId: 'test' },
  personId: PERSON_ID,
};
const COMPLAINT_ID = '5b0f8a8e-2f6c-4a51-9d0e-7c3b2a1f4e60';
const ref = { reunificationId: REUNIFICATION_ID, caseId: CASE_ID, personId: PERSON_ID, officeId: MALANG.agencyId };

describe('what family-reunification publishes', () => {
  it('tells of a missed follow-up visit by its number and due day, with nothing about the person', () => {
    const event: FollowUpMissed = {
      type: 'FollowUpMissed',
      data: { ...ref, visit: 2, overdueSince: '2025-06-30', at: metadata.occurredAt },
    };
    const publication = FAMILY_REUNIFICATION_PUBLICATIONS.FollowUpMissed?.({
      id: 'x',
      streamId: `reunification-${REUNIFICATION_ID}`,
      ...event,
      metadata,
    });
    expect(publication?.data).toEqual({ ...ref, visit: 2, dueOn: '2025-06-30' });
    expect(publication?.contract.validate(publication.data)).toEqual({ ok: true, data: publication?.data });
  });

  it('tells of a complaint by kind, subject type, agencies and deadline, never its text', () => {
    const event: ComplaintFiled = {
      type: 'ComplaintFiled',
      data: {
        complaintId: COMPLAINT_ID,
        personId: PERSON_ID,
        filedBy: MALANG.agencyId,
        routedTo: 'rsj-lawang',
        kind: 'delay',
        about: { type: 'referral', id: COMPLAINT_ID },
        channel: 'office',
        text: 'sudah tiga minggu belum ada kabar',
        answerBy: '2025-07-15',
        at: metadata.occurredAt,
      },
    };
    const publication = FAMILY_REUNIFICATION_PUBLICATIONS.ComplaintFiled?.({
      id: 'y',
      streamId: `complaint-${COMPLAINT_ID}`,
      ...event,
      metadata,
    });
    expect(publication?.data).toEqual({
      complaintId: COMPLAINT_ID,
      personId: PERSON_ID,
      kind: 'delay',
      subjectType: 'referral',
      filedBy: MALANG.agencyId,
      routedTo: 'rsj-lawang',
      answerBy: '2025-07-15',
      at: metadata.occurredAt,
    });
    expect(publication?.contract.validate(publication.data)).toEqual({ ok: true, data: publication?.data });
  });

  it('speaks of complaints and tracing triggers in the words of the domain', () => {
    expect(contracts.COMPLAINT_KINDS).toEqual(COMPLAINT_KINDS);
    expect(contracts.COMPLAINT_SUBJECT_TYPES).toEqual(COMPLAINT_SUBJECT_TYPES);
    expect(contracts.TRACING_TRIGGERS).toEqual(TRACING_TRIGGERS);
  });
});
