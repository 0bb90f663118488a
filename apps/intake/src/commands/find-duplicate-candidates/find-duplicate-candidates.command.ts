import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { FindDuplicateCandidates } from '../../domain/case/case.commands';
import type { DuplicateReason } from '../../domain/duplicates/duplicate-matcher';

export interface FoundDuplicateCandidates extends WriteResult {
  duplicateCandidates: { personId: string; score: number; reasons: DuplicateReason[] }[];
}

/** The earlier persons to compare with are the handler's to find. */
export class FindDuplicateCandidatesCommand extends Command<FoundDuplicateCandidates> {
  constructor(
    readonly command: Omit<FindDuplicateCandidates, 'earlierPersons'>,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
