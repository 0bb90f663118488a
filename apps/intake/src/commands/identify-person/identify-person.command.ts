import { Command } from '@nestjs/cqrs';
import type { WriteCause } from '@lintas/commands/write-cause';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import type { IdentifyPerson } from '../../domain/case/case.commands';
import type { IdentityFlag } from '../../domain/case/case.events';
import type { DuplicateReason } from '../../domain/duplicates/duplicate-matcher';

export interface IdentificationAnswer extends WriteResult {
  /** What looks wrong in the NIK (and KK): for the worker to look at, never a refusal. */
  nikFlags: IdentityFlag[];
  /** Earlier persons who may be this one, best first: link one, or reject it. */
  duplicateCandidates: { personId: string; score: number; reasons: DuplicateReason[] }[];
}

export class IdentifyPersonCommand extends Command<IdentificationAnswer> {
  constructor(
    readonly command: IdentifyPerson,
    readonly cause: WriteCause,
  ) {
    super();
  }
}
