import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { PantiQueueQuery } from '../../application/panti-queue.request.dto';
import { queuedPantisFor } from '../../application/supervision';
import { pantiStream } from '../../domain/panti/panti.stream';
import { pantiBeds } from './bed-book';
import { PantiBeds } from './bed-book.response.dto';

/**
 * Each panti's beds against its capacity, folded from its bed book (always current, so no position
 * to wait for). The bed book names placements, never persons, so the read is not an access to
 * personal data; who may read it is who may read the panti's queues (application/supervision.ts).
 */
@Controller('work-queues')
export class BedBookController {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  @Get('beds')
  @ApiOkResponse({
    type: [PantiBeds],
    description:
      'Beds set, occupied, reserved and free, and requests waiting, per panti: the panti its own; a provincial ' +
      "office the UPT named in `panti`, or all its UPTs, as its token's `supervised_agencies` names them.",
  })
  @Allow('panti', 'dinas-sosial-provinsi')
  async list(@Query() query: PantiQueueQuery, @Actor() actor: AgencyActor): Promise<PantiBeds[]> {
    const pantiIds = queuedPantisFor(actor, query.panti);
    const books = await Promise.all(
      pantiIds.map(async (pantiId) => ({ pantiId, loaded: await this.streams.load(pantiStream, pantiId) })),
    );
    // A provincial office's supervised agencies may name offices and UPTs not yet configured: of all
    // its UPTs, only the bed books that exist; a panti named (or its own) is answered even if empty.
    const answered =
      query.panti === undefined && actor.kind !== 'panti' ? books.filter((b) => b.loaded.version > 0) : books;
    return answered.map(({ pantiId, loaded }) => pantiBeds(pantiId, loaded.state));
  }
}
