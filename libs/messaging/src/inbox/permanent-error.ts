/** Thrown by a handler for a message that can never succeed: it goes to the dead letters at once, unretried. */
export class PermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentError';
  }
}
