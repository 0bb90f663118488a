import { Sessions } from './sessions';

describe('sessions', () => {
  let now = 0;
  const sessions = new Sessions('a-secret-of-at-least-thirty-two-characters', 30 * 60_000, () => now);
  afterAll(() => sessions.stop());

  it('finds a session by the cookie it made, and by nothing else', () => {
    now = 1_000;
    const { session, cookie } = sessions.create();
    expect(sessions.find(cookie)).toBe(session);
    const [id] = cookie.split('.');
    expect(sessions.find(`${id}.forged`)).toBeUndefined();
    expect(sessions.find(id)).toBeUndefined();
    const other = new Sessions('another-secret-of-at-least-thirty-two-chars', 60_000, () => now);
    expect(other.find(cookie)).toBeUndefined();
    other.stop();
  });

  it('forgets a session unused for longer than the idle time', () => {
    now = 0;
    const { cookie } = sessions.create();
    now = 29 * 60_000;
    expect(sessions.find(cookie)).toBeDefined();
    now = 60 * 60_000;
    expect(sessions.find(cookie)).toBeUndefined();
  });

  it('renews the id at sign-in: the old cookie is void, the pending sign-ins stay', () => {
    now = 0;
    const { session, cookie } = sessions.create();
    sessions.addPending(session, { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/', startedAt: now });
    const renewed = sessions.renew(session);
    expect(sessions.find(cookie)).toBeUndefined();
    expect(sessions.find(renewed.cookie)).toBe(renewed.session);
    expect(renewed.session.csrfToken).not.toBe(session.csrfToken);
    expect(sessions.takePending(renewed.session, 's')?.codeVerifier).toBe('v');
    expect(sessions.takePending(renewed.session, 's')).toBeUndefined();
  });

  it('does not take a sign-in started too long ago', () => {
    now = 0;
    const { session } = sessions.create();
    sessions.addPending(session, { state: 'old', nonce: 'n', codeVerifier: 'v', returnTo: '/', startedAt: 0 });
    now = 11 * 60_000;
    expect(sessions.takePending(session, 'old')).toBeUndefined();
  });
});
