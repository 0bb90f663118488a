/** What ordering a trail needs of a step. */
export interface CausalStep {
  eventId: string;
  causationId: string | null;
  /** When it happened, ISO 8601. */
  occurredAt: string;
  /** The ledger's own order: when it received the step. */
  ledgerOrder: number;
}

/**
 * Causes before their effects, otherwise by time in the field, then by the ledger's own order.
 * The ledger receives several services' topics side by side, so an effect can arrive before its
 * cause (a referral accepted before the assessment that asked for it was read); the trail shows
 * what caused what, not what arrived first. A cause outside the steps (another person's event)
 * does not hold a step back.
 */
export function causalOrder<Step extends CausalStep>(steps: readonly Step[]): Step[] {
  const byId = new Map(steps.map((step) => [step.eventId, step]));
  const effects = new Map<string, Step[]>();
  const waiting = new Map<Step, number>();
  for (const step of steps) {
    const cause = step.causationId !== null ? byId.get(step.causationId) : undefined;
    if (cause && cause !== step) {
      effects.set(cause.eventId, [...(effects.get(cause.eventId) ?? []), step]);
      waiting.set(step, 1);
    }
  }
  const ready = steps.filter((step) => !waiting.has(step));
  const ordered: Step[] = [];
  while (ready.length > 0) {
    ready.sort(earlierFirst);
    const next = ready.shift() as Step;
    ordered.push(next);
    for (const effect of effects.get(next.eventId) ?? []) {
      waiting.delete(effect);
      ready.push(effect);
    }
  }
  // A cycle of causes cannot come from the services; were one stored, its steps still show, last.
  return [...ordered, ...steps.filter((step) => waiting.has(step)).sort(earlierFirst)];
}

function earlierFirst(a: CausalStep, b: CausalStep): number {
  return a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.ledgerOrder - b.ledgerOrder;
}
