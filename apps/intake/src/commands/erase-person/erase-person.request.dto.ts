import { IsIn, IsString, Length } from 'class-validator';
import { ERASURE_GROUNDS, type ErasureGround } from '../../domain/erasure/erasure.events';

export class ErasePersonRequest {
  /** The ground under UU 27/2022: a code, so that the record of the erasure holds nothing of the person. */
  @IsIn(ERASURE_GROUNDS) ground!: ErasureGround;
  /** The article or decision it rests on, e.g. `UU 27/2022 Pasal 8`, or a court decision's number. */
  @IsString() @Length(1, 200) legalBasis!: string;
}
