import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CONSOLE_ENV } from '../../console-tokens';
import type { ConsoleEnv } from '../../console-env';
import { DEFAULT_LANG, isLang } from '../../i18n/i18n';
import { LANG_COOKIE, localPath } from '../../web/console-request';
import { queryText } from '../../web/pages';

const A_YEAR_MS = 365 * 86_400_000;

/**
 * The language switch: Bahasa Indonesia unless the browser chose English here, remembered in a
 * cookie of its own (it says nothing about the person), and back to the page it was pressed on.
 */
@Controller('language')
export class LanguageController {
  constructor(@Inject(CONSOLE_ENV) private readonly env: ConsoleEnv) {}

  @Get()
  switch(@Req() request: Request, @Res() response: Response): void {
    const lang = queryText(request, 'lang', 5);
    response.cookie(LANG_COOKIE, isLang(lang) ? lang : DEFAULT_LANG, {
      sameSite: 'lax',
      secure: this.env.secureCookies,
      httpOnly: true,
      path: '/',
      maxAge: A_YEAR_MS,
    });
    response.redirect(303, localPath(queryText(request, 'back', 2_000)));
  }
}
