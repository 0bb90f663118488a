import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FieldTimeRequest } from '../../application/request-fields';
import { COMPLAINT_OUTCOMES, type ComplaintOutcome } from '../../domain/complaint/complaint.vocabulary';

export class CloseComplaintRequest extends FieldTimeRequest {
  /** `resolved` once answered and the family told; `withdrawn` by the family at any time. */
  @ApiProperty({ enum: COMPLAINT_OUTCOMES }) @IsIn(COMPLAINT_OUTCOMES) outcome!: ComplaintOutcome;
}
