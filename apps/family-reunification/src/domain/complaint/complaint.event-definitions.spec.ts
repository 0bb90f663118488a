import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { valuesAt } from '@lintas/privacy/field-paths';
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

  it('define every event type the decider makes, once', () => {
    const types = new Set(events.map((event) => event.type));
    expect([...types].sort()).toEqual(COMPLAINT_EVENT_DEFINITIONS.map((d) => d.type).sort());
  });

  // A misspelt path protects nothing (libs/privacy field-paths): each must find its field.
  const withPersonalFields = COMPLAINT_EVENT_DEFINITIONS.filter((d) => d.personalFields.length > 0);
  it.each(withPersonalFields.map((d) => [d.type, d.personalFields] as const))(
    '%s: each personal path finds its field',
    (type, paths) => {
      const event = events.find((candidate) => candidate.type === type);
      for (const path of paths)
        expect({ path, found: valuesAt(event?.data, path).length > 0 }).toEqual({ path, found: true });
    },
  );

  it('keep the complaint and its answer personal', () => {
    expect(definitions.definitionOf('ComplaintFiled').personalFields).toEqual(['text']);
    expect(definitions.definitionOf('ComplaintAnswered').personalFields).toEqual(['answer']);
  });
});
