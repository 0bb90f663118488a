/**
 * What the store knows of an event type: its current schema version, which fields hold personal
 * data (so encryption follows from the definition, not from remembering to), and how to upcast
 * data stored under an older version.
 */
export interface EventDefinition {
  type: string;
  schemaVersion: number;
  /** Dot paths into `data`; `[]` means every element of an array, e.g. `family.contacts[].phone`. */
  personalFields: readonly string[];
  /** `upcasters[n]` turns data of version n into version n + 1. */
  upcasters?: Readonly<Record<number, (data: unknown) => unknown>>;
}

export class UnknownEventTypeError extends Error {
  constructor(readonly type: string) {
    super(`no definition for event type '${type}'`);
    this.name = 'UnknownEventTypeError';
  }
}

export class EventRegistry {
  private readonly definitions = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  register(definition: EventDefinition): this {
    if (this.definitions.has(definition.type)) throw new Error(`event type '${definition.type}' is defined twice`);
    for (let version = 1; version < definition.schemaVersion; version += 1) {
      if (!definition.upcasters?.[version]) {
        throw new Error(
          `event type '${definition.type}' v${definition.schemaVersion} has no upcaster from v${version}`,
        );
      }
    }
    this.definitions.set(definition.type, definition);
    return this;
  }

  knows(type: string): boolean {
    return this.definitions.has(type);
  }

  definitionOf(type: string): EventDefinition {
    const definition = this.definitions.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    return definition;
  }

  /** Data stored under `fromVersion`, in the shape of the current version. */
  upcast(type: string, fromVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    const definition = this.definitionOf(type);
    let current = data;
    for (let version = fromVersion; version < definition.schemaVersion; version += 1) {
      const upcaster = definition.upcasters?.[version];
      if (!upcaster) throw new Error(`event type '${type}' has no upcaster from v${version}`);
      current = upcaster(current);
    }
    return { schemaVersion: Math.max(fromVersion, definition.schemaVersion), data: current };
  }
}
