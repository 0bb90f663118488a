import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PendingSignIn, TokenSet } from './oidc-client';
import type { SignedInUser } from './signed-in-user';

/** At most this many sign-ins may be under way in one browser (tabs): the oldest goes first. */
const MAX_PENDING_SIGN_INS = 5;
/** A sign-in not finished within this time is forgotten: the user starts again. */
const PENDING_SIGN_IN_MS = 10 * 60_000;
/** However active, a session ends after a working day: the next request signs in again. */
const ABSOLUTE_LIFETIME_MS = 12 * 3_600_000;

/**
 * A browser's session, kept on the server only: the browser holds a random id (and its HMAC), never
 * a token. It lives in this process's memory, so a restart signs everyone out; several console
 * instances behind one address need sticky sessions (or a shared store in place of this class).
 */
export interface Session {
  readonly id: string;
  /** The synchroniser token every form that changes something must send back. */
  readonly csrfToken: string;
  readonly createdAt: number;
  lastSeenAt: number;
  user?: SignedInUser;
  tokens?: TokenSet;
  pending: PendingSignIn[];
  /** The refresh under way, so that parallel requests of one page refresh once. */
  refreshing?: Promise<TokenSet | undefined>;
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly secret: string,
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** A new session, and the cookie value that names it. */
  create(): { session: Session; cookie: string } {
    const id = randomBytes(32).toString('base64url');
    const at = this.now();
    const session: Session = {
      id,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: at,
      lastSeenAt: at,
      pending: [],
    };
    this.sessions.set(id, session);
    return { session, cookie: this.cookieValue(id) };
  }

  /** The session a cookie names, if the console made that cookie and the session is still alive. */
  find(cookie: string | undefined): Session | undefined {
    if (!cookie) return undefined;
    const dot = cookie.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const id = cookie.slice(0, dot);
    const expected = Buffer.from(this.cookieValue(id));
    const given = Buffer.from(cookie);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.expired(session)) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = this.now();
    return session;
  }

  /**
   * The same session under a new id (and a new CSRF token), the old id void: done at sign-in, so
   * that an id planted in a browser before (session fixation) is worth nothing after.
   */
  renew(session: Session): { session: Session; cookie: string } {
    this.sessions.delete(session.id);
    const { session: renewed, cookie } = this.create();
    renewed.pending = session.pending;
    return { session: renewed, cookie };
  }

  destroy(session: Session): void {
    this.sessions.delete(session.id);
  }

  addPending(session: Session, pending: PendingSignIn): void {
    session.pending = [...session.pending.filter((p) => !this.stale(p)), pending].slice(-MAX_PENDING_SIGN_INS);
  }

  /** The sign-in the state names, taken out: a state is good for one callback. */
  takePending(session: Session, state: string): PendingSignIn | undefined {
    const found = session.pending.find((pending) => pending.state === state);
    session.pending = session.pending.filter((pending) => pending !== found);
    return found && !this.stale(found) ? found : undefined;
  }

  get size(): number {
    return this.sessions.size;
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  private cookieValue(id: string): string {
    return `${id}.${createHmac('sha256', this.secret).update(id).digest('base64url')}`;
  }

  private expired(session: Session): boolean {
    const at = this.now();
    return at - session.lastSeenAt > this.idleMs || at - session.createdAt > ABSOLUTE_LIFETIME_MS;
  }

  private stale(pending: PendingSignIn): boolean {
    return this.now() - pending.startedAt > PENDING_SIGN_IN_MS;
  }

  private sweep(): void {
    for (const [id, session] of this.sessions) if (this.expired(session)) this.sessions.delete(id);
  }
}
