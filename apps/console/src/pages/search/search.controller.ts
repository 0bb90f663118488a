import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { PersonFound } from '../../services/api-types';
import { ServiceApi } from '../../services/service-api';
import { checkForm, field, sendPage, signedIn } from '../../web/pages';
import { searchPage } from './search.view';

/**
 * Finding a person by case number, NIK, name or descriptors. The search is a POST, so that a NIK
 * or a name typed here stays out of the URL, the browser's history and every access log; intake
 * answers only persons the user's agency may see, and records the search as a read.
 */
@Controller('search')
export class SearchController {
  constructor(@Inject(ServiceApi) private readonly api: ServiceApi) {}

  @Get()
  form(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, searchPage(signedIn(request)));
  }

  @Post()
  async search(@Req() request: Request, @Res() response: Response): Promise<void> {
    const ctx = signedIn(request);
    const q = field(checkForm(request, ctx), 'q', 200);
    if (q === '') return sendPage(response, searchPage(ctx));
    const found = await this.api.get<PersonFound[]>(ctx.session, 'intake', `/persons?q=${encodeURIComponent(q)}`, {
      returnTo: '/search',
      lang: ctx.lang,
    });
    sendPage(response, searchPage(ctx, { q, found }));
  }
}
