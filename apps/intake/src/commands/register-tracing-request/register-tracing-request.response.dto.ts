import { ApiProperty } from '@nestjs/swagger';
import { WriteAnswer } from '../../application/write-answers.response.dto';

/** The request's write, and the person it seeks. */
export class RegisterTracingRequestResponse extends WriteAnswer {
  /** The relative sought, as a person of their own until a confirmed match names the person found. */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
}
