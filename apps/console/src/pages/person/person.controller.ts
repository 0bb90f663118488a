import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { localInputToInstant } from '../../i18n/region-time';
import type { AccessRecords, Trail, Whereabouts } from '../../services/api-types';
import { SERVICE_NAMES, ServiceApi, type ServiceName } from '../../services/service-api';
import { refusal } from '../../views/components';
import { segment } from '../../views/html';
import { layout } from '../../views/layout';
import { queryText, sendPage, signedIn } from '../../web/pages';
import { accessRecordsPage } from './access-records.view';
import { personPage, pointsInTime } from './person.view';

const UUID = new ParseUUIDPipe({ version: undefined });

/**
 * A person: where they are now, and their trail across agencies as the audit ledger holds it, at
 * any point in time. Both come from the services under the user's own token: to a supervisor of
 * another kabupaten the person does not exist.
 */
@Controller('persons')
export class PersonController {
  constructor(@Inject(ServiceApi) private readonly api: ServiceApi) {}

  @Get(':personId')
  async person(
    @Param('personId', UUID) personId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const ctx = signedIn(request);
    const call = { returnTo: ctx.path, lang: ctx.lang };
    const id = segment(personId);
    const [whereabouts, trail] = await Promise.all([
      this.api.get<Whereabouts>(ctx.session, 'intake', `/persons/${id}/whereabouts`, call),
      this.api.get<Trail>(ctx.session, 'audit', `/persons/${id}/trail`, call),
    ]);
    // The point in time: a step of the slider (the n-th moment something was recorded), a time
    // typed on the user's clock, or an instant as the slider's script sends it.
    const moments = trail.ok ? pointsInTime(trail.body.steps) : [];
    const upTo = Number(queryText(request, 'upTo', 6));
    const typed = queryText(request, 'at', 25);
    const asOf =
      Number.isInteger(upTo) && upTo >= 1 && upTo < moments.length + 1 && upTo !== moments.length
        ? moments[upTo - 1]
        : typed
          ? localInputToInstant(typed, ctx.zone)
          : undefined;
    const then = asOf
      ? await this.api.get<Trail>(ctx.session, 'audit', `/persons/${id}/trail?asOf=${encodeURIComponent(asOf)}`, call)
      : undefined;
    sendPage(
      response,
      personPage(ctx, {
        personId,
        caseId: queryText(request, 'case', 40),
        whereabouts,
        trail,
        ...(asOf && then && { asOf: { at: asOf, trail: then } }),
        moments,
        typedInvalid: typed !== undefined && !asOf,
      }),
    );
  }

  @Get(':personId/access-records')
  async accessRecords(
    @Param('personId', UUID) personId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const ctx = signedIn(request);
    const asked = queryText(request, 'service', 30) as ServiceName | undefined;
    const service: ServiceName = asked && SERVICE_NAMES.includes(asked) && asked !== 'audit' ? asked : 'intake';
    const records = await this.api.get<AccessRecords>(
      ctx.session,
      service,
      `/persons/${segment(personId)}/access-records?limit=200`,
      { returnTo: ctx.path, lang: ctx.lang },
    );
    sendPage(response, accessRecordsPage(ctx, personId, service, records));
  }

  /** The person's evidence bundle, as the audit service exports it, to keep or check offline. */
  @Get(':personId/evidence-bundle')
  async evidenceBundle(
    @Param('personId', UUID) personId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const ctx = signedIn(request);
    const answer = await this.api.raw(ctx.session, 'audit', `/persons/${segment(personId)}/evidence-bundle`, {
      returnTo: `/persons/${segment(personId)}`,
      lang: ctx.lang,
    });
    if ('ok' in answer) {
      return sendPage(
        response,
        layout(ctx, { title: ctx.t('evidence.title'), main: refusal(ctx, answer) }),
        answer.status === 0 ? 502 : answer.status,
      );
    }
    response.status(200).type(answer.contentType).attachment(`lintas-evidence-${personId}.json`).send(answer.body);
  }
}
