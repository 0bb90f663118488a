import { ApiProperty } from '@nestjs/swagger';
import { WriteAnswer } from '../../application/write-answers.response.dto';

/** The pickup's write, and the person it is about. */
export class ReportPickupResponse extends WriteAnswer {
  /** The person the pickup is about: the office registers the case for them. */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
}
