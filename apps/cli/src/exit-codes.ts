/** Exit codes a script can rely on. */
export const EXIT = {
  ok: 0,
  /** A verification failed, or a service refused or could not do what was asked. */
  failed: 1,
  /** The command was used wrongly: an unknown option, a missing argument, a file that cannot be read. */
  usage: 2,
} as const;

/** Wrong use of a command, found after commander parsed it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
