import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { html } from '../../views/html';
import { layout } from '../../views/layout';
import { pageContext } from '../../views/page-context';
import { sendPage } from '../../web/pages';

@Controller()
export class HomeController {
  /** The way in: a signed-in user goes straight to the search, anyone else is asked to sign in. */
  @Get()
  home(@Req() request: Request, @Res() response: Response): void {
    const ctx = pageContext(request);
    if (ctx.user) return response.redirect(303, '/search');
    sendPage(
      response,
      layout(ctx, {
        title: ctx.t('home.title'),
        main: html`<p class="lead">${ctx.t('home.intro')}</p>
          <p><a class="button" href="/auth/login">${ctx.t('home.signIn')}</a></p>
          <p class="hint">${ctx.t('home.privacy')}</p>`,
      }),
    );
  }
}
