import { ApiProperty } from '@nestjs/swagger';
import { WriteAnswer } from '../../application/write-answers.response.dto';

export class RequestEmergencyAccessResponse extends WriteAnswer {
  /** Until when every service lets the agency read the person's records. */
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
}
