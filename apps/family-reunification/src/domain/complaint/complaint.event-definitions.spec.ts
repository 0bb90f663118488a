import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { itDefinesEveryEvent } from '@lintas/testing/event-definitions-spec';
import { COMPLAINT_EVENT_DEFINITIONS } from './complaint.event-definitions';
import type { ComplaintEvent } from './complaint.events';
import { answer, close, escalate, file, historyOf, JATIM } from './complaint.fixtures';

/** Every event type the decider makes. */
function everyEvent(): ComplaintEvent[] {
  return historyOf(file(), escalate(), answer({ actor: JATIM }), close());
}

describe('complaint event definitions', () => {
  const events = everyEvent();
  const definitions = new EventRegistry(COMPLAINT_EVENT_DEFINITIONS);

  itDefinesEveryEvent(COMPLAINT_EVENT_DEFINITIONS, events);

  it('keep the complaint and its answer personal', () => {
    expect(definitions.definitionOf('ComplaintFiled').personalFields).toEqual(['text']);
    expect(definitions.definitionOf('ComplaintAnswered').personalFields).toEqual(['answer']);
  });
});
