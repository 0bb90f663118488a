import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { DeadLetter, VerificationResult, WebhookSubscription } from '../../services/api-types';
import { SERVICE_NAMES, ServiceApi, type ApiResult, type ServiceName } from '../../services/service-api';
import { segment } from '../../views/html';
import { checkForm, field, sendPage, signedIn, type SignedInContext } from '../../web/pages';
import { deadLettersPage, integrityPage, verificationPage, webhooksPage, type Outcome } from './integrity.view';

const UUID = new ParseUUIDPipe({ version: undefined });

/**
 * What an admin checks and repairs: a verification of every store and the ledger, the messages a
 * service could not handle (and sending one again), and the RSJ webhook subscriptions (and sending
 * their events again from a number). Each is the services' own admin route, called with the
 * user's token: the services decide who may, and record who did.
 */
@Controller('integrity')
export class IntegrityController {
  constructor(@Inject(ServiceApi) private readonly api: ServiceApi) {}

  @Get()
  overview(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, integrityPage(signedIn(request)));
  }

  @Post('verifications')
  async verify(@Req() request: Request, @Res() response: Response): Promise<void> {
    const ctx = signedIn(request);
    const reason = field(checkForm(request, ctx), 'reason', 500);
    const result = await this.api.post<VerificationResult>(ctx.session, 'audit', '/verifications', {
      returnTo: '/integrity',
      lang: ctx.lang,
      body: reason ? { reason } : {},
    });
    sendPage(response, verificationPage(ctx, result));
  }

  @Get('dead-letters')
  async deadLetters(@Req() request: Request, @Res() response: Response): Promise<void> {
    const ctx = signedIn(request);
    sendPage(response, deadLettersPage(ctx, await this.allDeadLetters(ctx)));
  }

  @Post('dead-letters/:service/:id/redrive')
  async redrive(
    @Param('service') service: string,
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const ctx = signedIn(request);
    const reason = field(checkForm(request, ctx), 'reason', 500);
    let outcome: Outcome;
    if (!SERVICE_NAMES.includes(service as ServiceName) || !/^\d{1,20}$/.test(id)) {
      outcome = { kind: 'invalid' };
    } else if (reason === '') {
      outcome = { kind: 'reason-missing' };
    } else {
      const result = await this.api.post<DeadLetter>(
        ctx.session,
        service as ServiceName,
        `/admin/dead-letters/${segment(id)}/redrive`,
        { returnTo: '/integrity/dead-letters', lang: ctx.lang, body: { reason } },
      );
      outcome = result.ok ? { kind: 'redriven', id } : { kind: 'refused', result };
    }
    sendPage(response, deadLettersPage(ctx, await this.allDeadLetters(ctx), outcome));
  }

  @Get('webhooks')
  async webhooks(@Req() request: Request, @Res() response: Response): Promise<void> {
    const ctx = signedIn(request);
    sendPage(response, webhooksPage(ctx, await this.subscriptions(ctx)));
  }

  @Post('webhooks/:subscriptionId/redeliver')
  async redeliver(
    @Param('subscriptionId', UUID) subscriptionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const ctx = signedIn(request);
    const from = Number(field(checkForm(request, ctx), 'fromSequence', 20));
    let outcome: Outcome;
    if (!Number.isInteger(from) || from < 1) {
      outcome = { kind: 'invalid' };
    } else {
      const result = await this.api.post<{ redelivered: number }>(
        ctx.session,
        'health-liaison',
        `/webhook-subscriptions/${segment(subscriptionId)}/redeliver`,
        { returnTo: '/integrity/webhooks', lang: ctx.lang, body: { fromSequence: from } },
      );
      outcome = result.ok ? { kind: 'redelivered', count: result.body.redelivered } : { kind: 'refused', result };
    }
    sendPage(response, webhooksPage(ctx, await this.subscriptions(ctx), outcome));
  }

  private allDeadLetters(ctx: SignedInContext): Promise<[ServiceName, ApiResult<{ deadLetters: DeadLetter[] }>][]> {
    return Promise.all(
      SERVICE_NAMES.map(
        async (service) =>
          [
            service,
            await this.api.get<{ deadLetters: DeadLetter[] }>(ctx.session, service, '/admin/dead-letters?limit=100', {
              returnTo: '/integrity/dead-letters',
              lang: ctx.lang,
            }),
          ] as [ServiceName, ApiResult<{ deadLetters: DeadLetter[] }>],
      ),
    );
  }

  private subscriptions(ctx: SignedInContext): Promise<ApiResult<{ subscriptions: WebhookSubscription[] }>> {
    return this.api.get(ctx.session, 'health-liaison', '/webhook-subscriptions', {
      returnTo: '/integrity/webhooks',
      lang: ctx.lang,
    });
  }
}
