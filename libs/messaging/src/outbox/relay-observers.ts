import type { RelayObserver } from './outbox-relay';

/** One observer that tells each of several, in order: the relay takes one, and spans and metrics both watch it. */
export function combineObservers(...observers: readonly RelayObserver[]): RelayObserver {
  return {
    read: (batch) => observers.forEach((observer) => observer.read(batch)),
    sent: (batch) => observers.forEach((observer) => observer.sent(batch)),
  };
}
