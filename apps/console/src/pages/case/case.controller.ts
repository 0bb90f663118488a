import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CaseDetails } from '../../services/api-types';
import { ServiceApi } from '../../services/service-api';
import { segment } from '../../views/html';
import { checkForm, sendPage, signedIn } from '../../web/pages';
import { casePage } from './case.view';

const UUID = new ParseUUIDPipe({ version: undefined });

/**
 * A case as intake answers it to the user: the NIK masked (its last four digits) unless the user
 * reveals it, which is a read of its own that intake records with the field `identity.nik`. The
 * reveal is a POST with the session's CSRF token, so that no link or image can make it happen.
 */
@Controller('cases')
export class CaseController {
  constructor(@Inject(ServiceApi) private readonly api: ServiceApi) {}

  @Get(':caseId')
  async show(@Param('caseId', UUID) caseId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const ctx = signedIn(request);
    const found = await this.api.get<CaseDetails>(ctx.session, 'intake', `/cases/${segment(caseId)}?mask=nik`, {
      returnTo: ctx.path,
      lang: ctx.lang,
    });
    sendPage(response, casePage(ctx, caseId, found, false));
  }

  @Post(':caseId/nik')
  async reveal(
    @Param('caseId', UUID) caseId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const ctx = signedIn(request);
    checkForm(request, ctx);
    const found = await this.api.get<CaseDetails>(ctx.session, 'intake', `/cases/${segment(caseId)}`, {
      returnTo: `/cases/${segment(caseId)}`,
      lang: ctx.lang,
    });
    sendPage(response, casePage(ctx, caseId, found, true));
  }
}
