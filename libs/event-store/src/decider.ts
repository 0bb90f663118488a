/** A domain event as the pure domain sees it: no ids, no metadata, no position. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** An aggregate as two pure functions and a starting state (docs/architecture.md, "Deciders"). */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}
