import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { ErasedValue, personal } from '@lintas/platform/http/openapi/personal-data.schema';
import { AGENCY_KINDS } from '@lintas/platform/http/agency/agency-token';
import { REVIEW_VERDICTS, type ReviewVerdict } from '../../domain/emergency-access/emergency-access.events';

/** An emergency access (break-the-glass) to a person of the office, for it to review. */
@ApiExtraModels(ErasedValue)
export class EmergencyAccessView {
  @ApiProperty({ type: String, format: 'uuid' }) accessId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The agency that took it. */
  @ApiProperty({ type: String }) agencyId!: string;
  @ApiProperty({ enum: AGENCY_KINDS }) agencyKind!: string;
  /** Why, in that agency's words. */
  @ApiProperty(personal({ type: 'string' }, true)) reason!: string | null | ErasedValue;
  @ApiProperty({ type: String, format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  /** Whether it still lets the agency in. */
  @ApiProperty({ type: Boolean }) active!: boolean;
  /** Over and not yet reviewed: the office owes its review. */
  @ApiProperty({ type: Boolean }) reviewDue!: boolean;
  @ApiProperty({ enum: REVIEW_VERDICTS, nullable: true }) verdict!: ReviewVerdict | null;
  @ApiProperty({ type: String, nullable: true }) reviewedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
}
