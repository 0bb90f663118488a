import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { CONSOLE_ENV, CONSOLE_LOGGER } from '../console-tokens';
import type { ConsoleEnv } from '../console-env';
import { html, href } from '../views/html';
import { layout } from '../views/layout';
import { pageContext } from '../views/page-context';
import { localPath, sessionCookieName, stateOf } from '../web/console-request';
import { checkForm, queryText, sendPage, signedIn } from '../web/pages';
import { OidcClient, SignInFailed } from './oidc-client';
import { Sessions } from './sessions';
import { signedInUser } from './signed-in-user';

/**
 * Signing in and out. The browser is sent to the issuer with a PKCE challenge and comes back with
 * a code; the code, the verifier and the client's secret meet only here, and the tokens stay in the
 * session on the server. The browser only ever holds the session cookie.
 */
@Controller('auth')
export class AuthController {
  private readonly cookieName: string;

  constructor(
    @Inject(CONSOLE_ENV) private readonly env: ConsoleEnv,
    @Inject(OidcClient) private readonly oidc: OidcClient,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(CONSOLE_LOGGER) private readonly logger: Logger,
  ) {
    this.cookieName = sessionCookieName(env.secureCookies);
  }

  @Get('login')
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    const returnTo = localPath(queryText(request, 'returnTo', 2_000));
    let session = stateOf(request).session;
    if (!session) {
      const created = this.sessions.create();
      session = created.session;
      this.setCookie(response, created.cookie);
    }
    const pending = this.oidc.startSignIn(returnTo);
    this.sessions.addPending(session, pending);
    try {
      response.redirect(303, await this.oidc.authorizationUrl(pending, stateOf(request).lang));
    } catch (error) {
      this.failed(request, response, error);
    }
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = stateOf(request).session;
    const state = queryText(request, 'state', 500);
    const pending = session && state ? this.sessions.takePending(session, state) : undefined;
    if (!session || !pending) {
      // A callback without its sign-in: started elsewhere, expired, or forged (CSRF on the login).
      return this.failed(request, response, new SignInFailed('callback', 'no sign-in under way with this state'), true);
    }
    const error = queryText(request, 'error', 200);
    const code = queryText(request, 'code', 2_000);
    if (error || !code) {
      return this.failed(request, response, new SignInFailed('authorization', error ?? 'no code'));
    }
    try {
      const { tokens, idClaims } = await this.oidc.exchangeCode(code, pending);
      const user = signedInUser(idClaims, tokens.accessToken);
      const renewed = this.sessions.renew(session);
      renewed.session.user = user;
      renewed.session.tokens = tokens;
      this.setCookie(response, renewed.cookie);
      this.logger.info({ userId: user.userId ?? user.subject, agencyId: user.agencyId }, 'signed in');
      response.redirect(303, pending.returnTo);
    } catch (failure) {
      this.failed(request, response, failure);
    }
  }

  @Post('logout')
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    const ctx = signedIn(request);
    checkForm(request, ctx);
    const idToken = ctx.session.tokens?.idToken;
    this.sessions.destroy(ctx.session);
    response.clearCookie(this.cookieName, { path: '/' });
    this.logger.info({ userId: ctx.user.userId ?? ctx.user.subject }, 'signed out');
    // The issuer's session ends too, or the next "sign in" would let the same person straight back in.
    const endSession = await this.oidc.endSessionUrl(idToken, ctx.lang).catch(() => undefined);
    response.redirect(303, endSession ?? '/auth/signed-out');
  }

  @Get('signed-out')
  signedOut(@Req() request: Request, @Res() response: Response): void {
    const ctx = pageContext(request);
    sendPage(
      response,
      layout(ctx, {
        title: ctx.t('auth.signedOut.title'),
        back: '/',
        main: html`<p>${ctx.t('auth.signedOut.body')}</p>
          <p><a class="button" href="/auth/login">${ctx.t('auth.signIn')}</a></p>`,
      }),
    );
  }

  private failed(request: Request, response: Response, error: unknown, expired = false): void {
    this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'sign-in did not complete');
    const ctx = pageContext(request);
    sendPage(
      response,
      layout(ctx, {
        title: ctx.t('auth.failed.title'),
        back: '/',
        main: html`<p>${ctx.t(expired ? 'auth.failed.expired' : 'auth.failed.body')}</p>
          <p><a class="button" href="${href('/auth/login')}">${ctx.t('auth.failed.again')}</a></p>`,
      }),
      expired ? 400 : 502,
    );
  }

  private setCookie(response: Response, value: string): void {
    response.cookie(this.cookieName, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.env.secureCookies,
      path: '/',
    });
  }
}
