import { valuesAt } from '@lintas/privacy/field-paths';

/**
 * What every aggregate's event definitions must hold, given one of each event its decider makes:
 * a definition for each type, once, and personal paths that each find their field (a misspelt path
 * protects nothing: libs/privacy field-paths).
 */
export function itDefinesEveryEvent(
  definitions: readonly { type: string; personalFields: readonly string[] }[],
  events: readonly { type: string; data: unknown }[],
): void {
  it('define every event type the decider makes, once', () => {
    const types = new Set(events.map((event) => event.type));
    expect([...types].sort()).toEqual(definitions.map((d) => d.type).sort());
  });

  const withPersonalFields = definitions.filter((d) => d.personalFields.length > 0);
  it.each(withPersonalFields.map((d) => [d.type, d.personalFields] as const))(
    '%s: each personal path finds its field',
    (type, paths) => {
      const event = events.find((candidate) => candidate.type === type);
      for (const path of paths)
        expect({ path, found: valuesAt(event?.data, path).length > 0 }).toEqual({ path, found: true });
    },
  );
}
