import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { itDefinesEveryEvent } from '@lintas/testing/event-definitions-spec';
import { TRACING_REQUEST_EVENT_DEFINITIONS } from './tracing-request.event-definitions';
import type { TracingRequestEvent } from './tracing-request.events';
import {
  closeAsFound,
  confirm,
  historyOf,
  propose,
  register,
  reject,
  OTHER_CANDIDATE_ID,
  update,
  withdraw,
} from './tracing-request.fixtures';

/** Every event type the decider makes, with every optional field filled in. */
function everyEvent(): TracingRequestEvent[] {
  return [
    ...historyOf(
      register(),
      update({
        requester: { name: 'Pak Darmo', relation: 'father', contact: '+6281300000000' },
        sought: { names: ['Slamet'], birthDate: '1985-01-12' },
      }),
      propose(),
      confirm(),
      propose({ candidatePersonId: OTHER_CANDIDATE_ID }),
      reject({ candidatePersonId: OTHER_CANDIDATE_ID }),
      closeAsFound({ note: 'recognised by his mother' }),
    ),
    ...historyOf(register(), withdraw()),
  ];
}

describe('tracing request event definitions', () => {
  const events = everyEvent();
  const definitions = new EventRegistry(TRACING_REQUEST_EVENT_DEFINITIONS);

  itDefinesEveryEvent(TRACING_REQUEST_EVENT_DEFINITIONS, events);

  it('keep the family, the description of the relative and free text personal', () => {
    const personal = (type: string) => definitions.definitionOf(type).personalFields;
    expect(personal('TracingRequestRegistered')).toEqual(
      expect.arrayContaining(['requester', 'sought', 'lastSeen.place']),
    );
    expect(personal('TracingRequestUpdated')).toEqual(expect.arrayContaining(['requester', 'sought']));
    expect(personal('MatchRejected')).toEqual(['reason']);
  });

  it('leave ids, codes, scores and the reviewer clear, for the queue and the matcher', () => {
    const proposed = events.find((event) => event.type === 'MatchProposed');
    const sealed = definitions.definitionOf('MatchProposed').personalFields;
    expect(sealed).toEqual([]);
    expect(proposed?.data).toMatchObject({ probability: 0.42 });
    expect(definitions.definitionOf('MatchConfirmed').personalFields).toEqual([]);
  });
});
