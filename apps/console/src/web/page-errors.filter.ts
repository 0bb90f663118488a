import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { SignInRequired } from '../auth/sign-in-required';
import { html, href } from '../views/html';
import { layout } from '../views/layout';
import { pageContext } from '../views/page-context';
import { sendPage, StaleForm } from './pages';

/**
 * Every error as a page in the user's language: a user without a live session is sent to sign
 * in (and back), a stale form is said so, anything unknown is a plain "something went wrong" with
 * the details in the log only.
 */
@Catch()
export class PageErrorsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    if (error instanceof SignInRequired) {
      return response.redirect(303, href('/auth/login', { returnTo: error.returnTo }));
    }
    const ctx = pageContext(request);
    const page = (title: string, text: string, status: number) =>
      sendPage(
        response,
        layout(ctx, {
          title,
          back: '/',
          main: html`<p>${text}</p>
            <p><a href="/">${ctx.t('error.home')}</a></p>`,
        }),
        status,
      );
    if (error instanceof StaleForm) return page(ctx.t('error.staleForm.title'), ctx.t('error.staleForm.body'), 403);
    if (error instanceof HttpException && error.getStatus() < 500) {
      return page(ctx.t('error.notFound.title'), ctx.t('error.notFound.body'), 404);
    }
    this.logger.error({ err: error, path: request.path }, 'a page failed');
    page(ctx.t('error.server.title'), ctx.t('error.server.body'), 500);
  }
}
