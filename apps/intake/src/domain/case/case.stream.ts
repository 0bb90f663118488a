import type { StreamKind } from '@lintas/commands/stream-writer';
import { type RegionDirectory } from '../regions/region-directory';
import { type CaseCommand } from './case.commands';
import { createCaseDecider } from './case.decider';
import { type CaseEvent } from './case.events';
import { type CaseState } from './case.state';

export type CaseStream = StreamKind<CaseCommand, CaseEvent, CaseState>;

/** One stream per case, ruled by the case decider, which checks NIKs against the region directory. */
export function caseStream(regions: RegionDirectory): CaseStream {
  return { streamId: (caseId) => `case-${caseId}`, decider: createCaseDecider(regions) };
}
