import { Inject, Injectable } from '@nestjs/common';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { supervisesPanti } from '../../application/supervision';
import { pantiStream } from '../../domain/panti/panti.stream';
import { placementStream } from '../../domain/placement/placement.stream';
import { isPending, placementView, withQueue, type PlacementView } from './placement-view';

/**
 * One placement, folded from its stream (always current, so no position to wait for), shown only
 * to the panti it is addressed to, the office that owns the case now and the provincial office of
 * that panti if it is a UPT (application/supervision.ts), or to whom `admit` lets in under an
 * emergency access to the person.
 */
@Injectable()
export class PlacementDetailsReadModel {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  /** `bySupervision` is told when the reader sees it only as the provincial office of the panti. */
  async read(
    placementId: string,
    reader: AgencyActor,
    admit: (personIds: string[], visible: boolean) => Promise<boolean>,
    bySupervision: (pantiId: string) => void = () => undefined,
  ): Promise<PlacementView> {
    const { history, version } = await this.streams.load(placementStream, placementId);
    const view = placementView(history, version);
    const party = view && (reader.kind === 'panti' ? view.pantiId : view.officeId) === reader.agencyId;
    const supervising = view !== undefined && !party && supervisesPanti(reader, view.pantiId);
    if (!view || !(await admit([view.personId], party === true || supervising))) {
      throw new DomainError('placement.not-found', `no placement ${placementId} for this agency`, 'not-found');
    }
    if (supervising) bySupervision(view.pantiId);
    if (!isPending(view)) return view;
    return withQueue(view, (await this.streams.load(pantiStream, view.pantiId)).state);
  }
}
