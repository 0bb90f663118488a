import { Inject, Injectable } from '@nestjs/common';
import { StreamWriter } from '@lintas/commands/stream-writer';
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

  /** From the stream, so always current; only for the owning office and the office asked to take the case over. */
  async caseFor(caseId: string, actor: AgencyActor): Promise<(CaseView & { version: number }) | undefined> {
    const { history, version } = await this.streams.load(this.cases, caseId);
    const view = caseView(history);
    if (!view || (view.officeId !== actor.agencyId && view.transfer?.toOfficeId !== actor.agencyId)) return undefined;
    return { ...view, version };
  }
}
