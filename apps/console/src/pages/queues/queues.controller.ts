import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ServiceApi } from '../../services/service-api';
import { sendPage, signedIn } from '../../web/pages';
import { QUEUES, isQueueName, queuePage, queuesPage, type QueueSource } from './queues.view';

/**
 * The work queues, each from the service that owns it, under the user's token: an office sees its
 * own cases' items, an RSJ its referrals, a panti (or its provincial office) its lists; a queue the
 * user's agency kind may not read says so instead of failing the page.
 */
@Controller('queues')
export class QueuesController {
  constructor(@Inject(ServiceApi) private readonly api: ServiceApi) {}

  @Get()
  list(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, queuesPage(signedIn(request)));
  }

  @Get(':queue')
  async queue(@Param('queue') queue: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!isQueueName(queue)) throw new NotFoundException();
    const ctx = signedIn(request);
    const source: QueueSource = QUEUES[queue];
    const read = (path: string) =>
      this.api.get<unknown>(ctx.session, source.service, path, { returnTo: ctx.path, lang: ctx.lang });
    const [answer, summary] = await Promise.all([
      read(source.path),
      source.summaryPath === undefined ? undefined : read(source.summaryPath),
    ]);
    sendPage(response, queuePage(ctx, queue, answer, summary));
  }
}
