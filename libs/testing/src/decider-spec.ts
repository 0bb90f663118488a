import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { Decider, DomainEvent } from '@lintas/event-store/decider';

/**
 * Given / when / then over a pure decider (docs/architecture.md, "Tests"): the history, the command, and either the
 * events it decides or the code of the rule it breaks. No I/O.
 */
export function given<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  history: readonly Event[] = [],
) {
  const state = history.reduce(decider.evolve, decider.initialState);
  return {
    state,
    when(command: Command) {
      const decide = () => decider.decide(command, state);
      return {
        then(expected: readonly Event[] | ((events: Event[]) => void)): Event[] {
          const events = decide();
          if (typeof expected === 'function') expected(events);
          else expect(events).toEqual(expected);
          return events;
        },
        thenThrows(code: string): DomainError {
          let thrown: unknown;
          try {
            decide();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect((thrown as DomainError).code).toBe(code);
          return thrown as DomainError;
        },
      };
    },
  };
}
