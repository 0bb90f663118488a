import type { EventMetadata } from '@lintas/event-store/events/event-types';
import type { FollowUpMissed } from './domain/reunification/reunification.events';
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
});
