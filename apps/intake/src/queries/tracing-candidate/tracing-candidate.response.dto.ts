import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ErasedValue, personal } from '@lintas/platform/http/openapi/personal-data.schema';
import { CANDIDATE_STATUSES, type CandidateStatus } from '../../domain/tracing-request/tracing-request.vocabulary';
import { AgeRange, MatchReason } from '../../application/tracing-request.response.dto';

/** What the services know of the person found, as the matcher compared it. */
@ApiExtraModels(AgeRange)
export class CandidateDescription {
  /** Names given, mentioned or identified. */
  @ApiProperty({ type: [String] }) names!: string[];
  @ApiProperty({ type: String, required: false }) nik?: string;
  @ApiProperty({ enum: ['male', 'female'], required: false }) sex?: 'male' | 'female';
  @ApiProperty({ type: String, format: 'date', required: false }) birthDate?: string;
  /** As seen, when no birth date is known. */
  @ApiProperty({ type: AgeRange, required: false }) ageRange?: AgeRange;
  /** Where the person was found. */
  @ApiProperty({ type: String, required: false }) regionCode?: string;
  /** When the person was found. */
  @ApiProperty({ type: String, format: 'date-time', required: false }) at?: string;
  @ApiProperty({ type: [String], required: false }) marks?: string[];
}

/** A candidate for review: the score, its reasons, and who the person found is. */
@ApiExtraModels(ErasedValue, CandidateDescription)
export class TracingCandidateResponse {
  @ApiProperty({ type: String, format: 'uuid' }) tracingRequestId!: string;
  /** The person found. */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: CANDIDATE_STATUSES }) status!: CandidateStatus;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 }) probability!: number;
  /** The weightiest first. */
  @ApiProperty({ type: [MatchReason] }) reasons!: MatchReason[];
  /** Null once the person is out of matching (confirmed for a family, erased). */
  @ApiProperty(personal({ $ref: getSchemaPath(CandidateDescription) }, true))
  description!: CandidateDescription | null | ErasedValue;
}
