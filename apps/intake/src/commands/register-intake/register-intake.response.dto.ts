import { ApiProperty } from '@nestjs/swagger';
import { WriteAnswer } from '../../application/write-answers.response.dto';

/** The new case's write, its number and its person. */
export class RegisterIntakeResponse extends WriteAnswer {
  /** `<kab/kota code>-<year>-<sequence>`, per owning office and year, e.g. `3507-2025-00042`. */
  @ApiProperty({ type: String, pattern: '^\\d{4}-\\d{4}-\\d{5}$', example: '3507-2025-00042' }) caseNumber!: string;
  /** The person of the pickup, the one the office named, or a new one. */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
}
