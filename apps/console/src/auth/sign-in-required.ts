/**
 * The page needs a signed-in user with a live token and has none: the browser is sent to sign in,
 * and back to `returnTo` after.
 */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('sign-in required');
    this.name = 'SignInRequired';
  }
}
