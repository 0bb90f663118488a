import type { IncomingMessage } from 'node:http';
import type Provider from 'oidc-provider';
import { errors, type Interaction } from 'oidc-provider';
import { PasswordRefused, USER_ID_PATTERN, normalizeUserId, type UserDirectory } from '../users';
import { passwordProblem, spendPasswordCheck } from '../register/passwords';
import { PAGE_HEADERS, changePasswordPage, errorPage, localeOf, message, signInPage, type MessageCode } from './pages';
import { SignInAttempts } from './sign-in-attempts';

/** Where the provider sends a person who must sign in: `/interaction/<uid>`. */
export const INTERACTION_PATH = '/interaction';
const ROUTE = /^\/interaction\/([A-Za-z0-9_-]{10,64})(?:\/(login|password))?$/;
const MAX_FORM_BYTES = 16 * 1024;

/** What happened at a sign-in, for the identity app's log: never a password, nor what was typed for an unknown user. */
export type SignInEvent =
  | { outcome: 'signed-in' | 'password-changed' | 'disabled' | 'password-expired'; userId: string; clientId: string }
  | { outcome: 'refused' | 'throttled'; clientId: string };

/** The interaction's result while a person who signed in with a temporary password chooses their own. */
interface PendingPasswordChange {
  lintasPasswordChange?: { userId: string };
}

type Middleware = Parameters<Provider['use']>[0];
type Context = Parameters<Middleware>[0];

/**
 * The identity app's own sign-in (oidc-provider's development pages stay off): the page of a
 * login prompt, its form, and the choice of a new password where an admin set the current one.
 * Consent is never asked (every client people sign in through is Lintas' own; the provider's
 * loadExistingGrant grants what it may), so a login is the only prompt.
 */
export function signInRoutes(
  provider: Provider,
  users: UserDirectory | undefined,
  options: { attempts?: SignInAttempts; onEvent?: (event: SignInEvent) => void } = {},
): Middleware {
  const attempts = options.attempts ?? new SignInAttempts();
  const emit = options.onEvent ?? (() => undefined);

  const render = (ctx: Context, status: number, html: string) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = html;
  };
  const finish = async (ctx: Context, result: Parameters<Provider['interactionResult']>[2]) => {
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(returnTo);
  };

  return async (ctx, next) => {
    const route = ROUTE.exec(ctx.path);
    if (!route) return next();
    for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
    const [, uid, step] = route;
    const self = `${INTERACTION_PATH}/${uid}`;
    const expected = step ? 'POST' : 'GET';
    if (ctx.method !== expected) {
      ctx.set('allow', expected);
      ctx.status = 405;
      return;
    }
    const form = step ? await formOf(ctx.req) : undefined;
    if (form === null) return render(ctx, 400, errorPage('id', { code: 'invalid_request' }));
    let interaction: Interaction;
    try {
      interaction = await provider.interactionDetails(ctx.req, ctx.res);
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
      const locale = localeOf(String(ctx.query.lang ?? form?.get('lang') ?? ''));
      return render(
        ctx,
        400,
        errorPage(locale, { code: 'sign-in.expired', message: message('sign-in.expired', locale) }),
      );
    }
    const locale = localeOf(
      typeof ctx.query.lang === 'string' ? ctx.query.lang : undefined,
      form?.get('lang') ?? undefined,
      typeof interaction.params.ui_locales === 'string' ? interaction.params.ui_locales : undefined,
    );
    const clientId = String(interaction.params.client_id ?? '');
    if (interaction.uid !== uid) {
      return render(
        ctx,
        400,
        errorPage(locale, { code: 'sign-in.expired', message: message('sign-in.expired', locale) }),
      );
    }
    if (interaction.prompt.name !== 'login' || !users) {
      // Nothing here asks for consent; a prompt this page does not know ends the request, told to the application.
      return finish(ctx, { error: 'access_denied', error_description: `no ${interaction.prompt.name} page here` });
    }
    const pending = (interaction.result as PendingPasswordChange | undefined)?.lintasPasswordChange;
    const signInAgain = (status: number, code?: MessageCode, values: Record<string, number> = {}, userId?: string) =>
      render(
        ctx,
        status,
        signInPage({
          locale,
          action: `${self}/login`,
          self,
          ...(userId !== undefined && { userId }),
          ...(code && { error: message(code, locale, values) }),
        }),
      );
    const choosePassword = (status: number, userId: string, code?: MessageCode) =>
      render(
        ctx,
        status,
        changePasswordPage({
          locale,
          action: `${self}/password`,
          self,
          userId,
          ...(code && { error: message(code, locale) }),
        }),
      );

    if (!step) return pending ? choosePassword(200, pending.userId) : signInAgain(200);

    if (step === 'login') {
      const typed = form?.get('userId') ?? '';
      const password = form?.get('password') ?? '';
      const userId = normalizeUserId(typed);
      if (userId === '' || password === '') return signInAgain(400, 'sign-in.missing', {}, typed.trim());
      const wait = attempts.waitFor(userId);
      if (wait > 0) {
        emit({ outcome: 'throttled', clientId });
        ctx.set('retry-after', String(Math.ceil(wait / 1000)));
        return signInAgain(429, 'sign-in.throttled', { minutes: Math.ceil(wait / 60_000) }, typed.trim());
      }
      // Not a user id at all is answered as an unknown one is, after as long.
      const outcome = USER_ID_PATTERN.test(userId)
        ? await users.signIn(userId, password)
        : await spendPasswordCheck(password).then(() => ({ outcome: 'refused' as const }));
      switch (outcome.outcome) {
        case 'refused':
          attempts.failed(userId);
          emit({ outcome: 'refused', clientId });
          return signInAgain(400, 'sign-in.refused', {}, typed.trim());
        case 'disabled':
        case 'password-expired':
          emit({ outcome: outcome.outcome, userId, clientId });
          return signInAgain(400, outcome.outcome === 'disabled' ? 'sign-in.disabled' : 'sign-in.password-expired');
        case 'signed-in':
          attempts.succeeded(userId);
          if (outcome.passwordChangeRequired) {
            // Kept server-side with the interaction: the next form proves nothing by itself.
            interaction.result = { lintasPasswordChange: { userId } } satisfies PendingPasswordChange;
            await interaction.persist();
            return choosePassword(200, userId);
          }
          emit({ outcome: 'signed-in', userId, clientId });
          return finish(ctx, { login: { accountId: outcome.user.userId, amr: ['pwd'], remember: false } });
      }
    }

    // step === 'password'
    if (!pending) return signInAgain(400);
    const newPassword = form?.get('newPassword') ?? '';
    const repeated = form?.get('repeatPassword') ?? '';
    const problem = passwordProblem(newPassword);
    if (problem) {
      return choosePassword(
        400,
        pending.userId,
        problem.includes('at most') ? 'password.too-long' : 'password.too-short',
      );
    }
    if (newPassword !== repeated) return choosePassword(400, pending.userId, 'password.mismatch');
    try {
      await users.changePassword(pending.userId, newPassword, { clientId });
    } catch (error) {
      if (!(error instanceof PasswordRefused)) throw error;
      if (error.code === 'user-gone') {
        emit({ outcome: 'disabled', userId: pending.userId, clientId });
        return signInAgain(400, 'sign-in.disabled');
      }
      return choosePassword(400, pending.userId, 'password.unchanged');
    }
    emit({ outcome: 'password-changed', userId: pending.userId, clientId });
    return finish(ctx, { login: { accountId: pending.userId, amr: ['pwd'], remember: false } });
  };
}

/** The urlencoded form, or null for anything else or more than a form holds. */
async function formOf(request: IncomingMessage): Promise<URLSearchParams | null> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
