import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { itDefinesEveryEvent } from '@lintas/testing/event-definitions-spec';
import { REUNIFICATION_EVENT_DEFINITIONS } from './reunification.event-definitions';
import type { ReunificationEvent } from './reunification.events';
import {
  close,
  died,
  followUpMissed,
  followUpVisit,
  historyOf,
  leadsAdded,
  homeVisit,
  longTerm,
  notFound,
  ownershipMoved,
  relapse,
  reunify,
  start,
  traced,
  transfer,
  transferDeclined,
} from './reunification.fixtures';

/** Every event type the decider makes, with every optional field filled in. */
function everyEvent(): ReunificationEvent[] {
  return [
    ...historyOf(
      start(),
      leadsAdded(),
      traced({ regionCode: '350710' }),
      homeVisit({ readiness: 'refuses', refusalReason: 'afraid', notes: 'small house' }),
      homeVisit({ readiness: 'ready' }),
      transfer(),
      transferDeclined(),
      transfer(),
      ownershipMoved(),
    ),
    ...historyOf(
      start(),
      traced(),
      homeVisit(),
      reunify({ puskesmasId: 'puskesmas-sukorame' }),
      followUpVisit({ puskesmasContacted: true }),
      followUpMissed({ visit: 2, at: '2025-09-15T10:00:00+07:00' }),
      relapse(),
      died(),
      close({ outcome: 'died' }),
    ),
    ...historyOf(start(), notFound(), longTerm({ reviewOn: '2026-03-01' })),
  ];
}

describe('reunification event definitions', () => {
  const events = everyEvent();
  const definitions = new EventRegistry(REUNIFICATION_EVENT_DEFINITIONS);

  itDefinesEveryEvent(REUNIFICATION_EVENT_DEFINITIONS, events);

  it('keep family, health and free-text fields personal', () => {
    const personal = (type: string) => definitions.definitionOf(type).personalFields;
    expect(personal('FamilyTraced')).toEqual(expect.arrayContaining(['relation', 'contact', 'familyMemberName']));
    expect(personal('FollowUpVisitCompleted')).toEqual(
      expect.arrayContaining(['condition', 'medicationAdherence', 'socialFunctioning']),
    );
    expect(personal('ReunificationCompleted')).toEqual(expect.arrayContaining(['handedTo', 'medicationHandedOver']));
  });
});
