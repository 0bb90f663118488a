export type ExpectedVersion = number | 'no-stream' | 'any';

/** Another writer changed the stream since the caller read it: reload, decide again, or give up. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${expected}`);
    this.name = 'ConcurrencyError';
  }
}
