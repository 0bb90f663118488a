import { ApiProperty } from '@nestjs/swagger';
import { STAGES, type Stage } from '../../read-models/whereabouts/whereabouts-steps';

/** Where the person is now, across the services: the latest step, except that death is final. */
export class WhereaboutsResponse {
  /** The person asked about. */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  /** When the person reached this stage, in the field. */
  @ApiProperty({ type: String, format: 'date-time' }) since!: string;
  /** Where the person is: the unit, office, RSJ or panti, when one is known. */
  @ApiProperty({ type: String, nullable: true }) agencyId!: string | null;
  /** The person and every record linked with them, the survivor first: the answer is about all of them. */
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) persons!: string[];
}
