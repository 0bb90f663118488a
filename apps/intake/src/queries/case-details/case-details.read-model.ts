import { Inject, Injectable } from '@nestjs/common';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { historyAsOf, type AsOf } from '@lintas/event-store/as-of';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { CASE_STREAM } from '../../application/case-stream';
import type { CaseStream } from '../../domain/case/case.stream';
import { caseView, type CaseView } from './case-view';

@Injectable()
export class CaseDetailsReadModel {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(CASE_STREAM) private readonly cases: CaseStream,
  ) {}

  /**
   * From the stream, so always current; only for the owning office and the office asked to take the
   * case over, or whom `admit` lets in under an emergency access to the person.
   */
  async caseFor(
    caseId: string,
    actor: AgencyActor,
    admit: (personIds: string[], visible: boolean) => Promise<boolean>,
    asOf?: AsOf,
  ): Promise<(CaseView & { version: number }) | undefined> {
    const { history, version } = await this.streams.load(this.cases, caseId);
    // Who may look is decided on the case as it is now; what they see may be as it was.
    const view = caseView(history);
    if (!view) return undefined;
    const visible = view.officeId === actor.agencyId || view.transfer?.toOfficeId === actor.agencyId;
    if (!(await admit([view.personId], visible))) return undefined;
    if (!asOf) return { ...view, version };
    const then = historyAsOf(history, asOf);
    const past = caseView(then);
    return past && { ...past, version: then.length };
  }
}
