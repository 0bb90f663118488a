import type { EventDefinition } from '@lintas/event-store/events/event-registry';

/**
 * A misspelt personal-field path protects nothing (libs/privacy skips missing paths), so each
 * definition is checked against examples that fill every optional field: each path must hold a
 * value in at least one example of its type (a union such as a consent basis needs one per variant).
 */
export function missingPersonalPaths(
  definitions: readonly EventDefinition[],
  examples: readonly { type: string; data: unknown }[],
): string[] {
  const missing: string[] = [];
  for (const definition of definitions) {
    const ofType = examples.filter((event) => event.type === definition.type);
    if (ofType.length === 0) {
      missing.push(`${definition.type}: no example`);
      continue;
    }
    for (const path of definition.personalFields) {
      if (!ofType.some((example) => hasPath(example.data, path))) missing.push(`${definition.type}.${path}`);
    }
  }
  return missing;
}

function hasPath(data: unknown, path: string): boolean {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return current !== null && current !== undefined;
}
