import { ApiProperty } from '@nestjs/swagger';
import { DuplicateCandidate, WriteAnswer } from '../../application/write-answers.response.dto';

/** The check's write, and every proposal still waiting for a decision. */
export class DuplicateCheckResponse extends WriteAnswer {
  /** Earlier persons who may be this one and are neither linked nor rejected yet, best first. */
  @ApiProperty({ type: [DuplicateCandidate] }) duplicateCandidates!: DuplicateCandidate[];
}
