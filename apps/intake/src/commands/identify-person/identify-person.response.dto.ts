import { ApiProperty } from '@nestjs/swagger';
import { DuplicateCandidate, WriteAnswer } from '../../application/write-answers.response.dto';
import { IDENTITY_FLAGS, type IdentityFlag } from '../../domain/case/case.events';

/** The identification's write, what looks wrong in the NIK and KK, and who the person may be. */
export class IdentifyPersonResponse extends WriteAnswer {
  /** What looks wrong in the NIK (and KK): for the worker to look at, never a refusal. */
  @ApiProperty({ enum: IDENTITY_FLAGS, isArray: true }) nikFlags!: IdentityFlag[];
  /** Earlier persons who may be this one, best first: link one, or reject it. */
  @ApiProperty({ type: [DuplicateCandidate] }) duplicateCandidates!: DuplicateCandidate[];
}
