import type { Provider } from '@nestjs/common';
import { caseStream } from '../domain/case/case.stream';
import type { RegionDirectory } from '../domain/regions/region-directory';
import { REGION_DIRECTORY } from '../reference-data/region-directory';

/** The case stream's kind: its decider checks NIKs against the region directory read at start-up. */
export const CASE_STREAM = Symbol('CaseStream');

export const caseStreamProvider: Provider = {
  provide: CASE_STREAM,
  inject: [REGION_DIRECTORY],
  useFactory: (regions: RegionDirectory) => caseStream(regions),
};
