/** Thrown by a handler for a message that can never succeed: it goes to the dead letters at once, unretried. */
export class PermanentError extends Error {
  constructor(
    message: string,
    /**
     * It failed because its person was erased (UU 27/2022): the dead letter keeps none of the
     * message's data, as if erased the moment it was recorded.
     */
    readonly personErased = false,
  ) {
    super(message);
    this.name = 'PermanentError';
  }
}
