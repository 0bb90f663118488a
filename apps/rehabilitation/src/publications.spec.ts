import type { EventMetadata } from '@lintas/event-store/events/event-types';
import { REHABILITATION_PUBLICATIONS } from './publications';
import type { PlacementEvent } from './domain/placement/placement.events';
import { placement, PERSON_ID, REF } from './domain/testing/rehabilitation.fixtures';

const metadata: EventMetadata = {
  occurredAt: '2025-03-01T03:00:00.000Z',
  recordedAt: '2025-03-01T03:00:01.000Z',
  correlationId: 'c0ffee00-0000-4000-8000-000000000000',
  causationId: null,
  actor: { agencyId: 'panti-bina-laras-kediri', clientId: 'test' },
  personId: PERSON_ID,
};

const published = (event: PlacementEvent) =>
  REHABILITATION_PUBLICATIONS[event.type]?.({ id: 'x', streamId: 'placement-x', ...event, metadata });

describe('what rehabilitation publishes', () => {
  it.each<[string, PlacementEvent]>([
    ['PlacementRequested', placement.requested()],
    ['PlacementWaitlisted', placement.waitlisted(3)],
    ['PlacedInPanti', placement.placed()],
    ['RelapseReported', placement.relapsed()],
    ['ResidentAbsconded', placement.absconded()],
    ['RehabilitationTerminated', placement.terminated()],
    [
      'PlacementDeclined',
      {
        type: 'PlacementDeclined',
        data: { ...REF, reason: 'full', note: 'no bed until June', at: metadata.occurredAt },
      },
    ],
  ])('%s fits its contract', (_, event) => {
    const publication = published(event);
    expect(publication).toBeDefined();
    expect(publication?.contract.validate(publication.data)).toMatchObject({ ok: true });
  });

  it('carries no reason, note, signs or plan', () => {
    const text = JSON.stringify([placement.requested(), placement.relapsed(), placement.absconded()].map(published));
    expect(text).not.toMatch(/eks psikotik|not sleeping|main gate/);
  });

  it('keeps ATENSI work inside the service', () => {
    expect(published(placement.planAgreed())).toBeUndefined();
  });
});
