import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { FAMILY_CHANNELS, type FamilyChannel } from '@lintas/domain-kernel/family-channel';
import { AgeRange } from '../../application/tracing-request.response.dto';
import { ErasedValue, personal } from '@lintas/platform/http/openapi/personal-data.schema';
import {
  CANDIDATE_STATUSES,
  TRACING_REQUEST_STATUSES,
  type CandidateStatus,
  type TracingRequestStatus,
} from '../../domain/tracing-request/tracing-request.vocabulary';

/** Who asks and how to reach them. */
export class TracingRequester {
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) relation!: string;
  @ApiProperty({ type: String }) contact!: string;
}

/** The missing relative as the family describes them. */
@ApiExtraModels(AgeRange)
export class SoughtPerson {
  @ApiProperty({ type: [String] }) names!: string[];
  @ApiProperty({ type: String, required: false }) nik?: string;
  @ApiProperty({ enum: ['male', 'female'], required: false }) sex?: 'male' | 'female';
  @ApiProperty({ type: String, format: 'date', required: false }) birthDate?: string;
  @ApiProperty({ type: AgeRange, required: false }) ageRange?: AgeRange;
  @ApiProperty({ type: String, required: false }) photoReference?: string;
  @ApiProperty({ type: [String] }) marks!: string[];
  @ApiProperty({ type: [String] }) conditions!: string[];
}

/** Where and when the relative was last seen: the code and day are clear, the place is personal. */
@ApiExtraModels(ErasedValue)
export class LastSeenView {
  @ApiProperty({ type: String }) regionCode!: string;
  @ApiProperty({ type: String, format: 'date' }) on!: string;
  @ApiProperty(personal({ type: 'string' }, true)) place!: string | null | ErasedValue;
}

/** A person found proposed for the request, as far as the caller may know of them. */
export class CandidateSummary {
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: CANDIDATE_STATUSES }) status!: CandidateStatus;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 }) probability!: number;
}

/**
 * A tracing request as its parties see it. The owning office sees every candidate; the agency the
 * family came to only those confirmed, so the family never learns of a person who is not theirs.
 */
@ApiExtraModels(ErasedValue, TracingRequester, SoughtPerson)
export class TracingRequestDetailsResponse {
  @ApiProperty({ type: String, format: 'uuid' }) tracingRequestId!: string;
  /** The relative sought. */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: TRACING_REQUEST_STATUSES }) status!: TracingRequestStatus;
  /** The Dinas Sosial office owning the request: it reviews the candidates. */
  @ApiProperty({ type: String }) officeId!: string;
  /** The agency the family came to. */
  @ApiProperty({ type: String }) registeredBy!: string;
  @ApiProperty({ enum: FAMILY_CHANNELS }) channel!: FamilyChannel;
  @ApiProperty(personal({ $ref: getSchemaPath(TracingRequester) })) requester!: TracingRequester | ErasedValue;
  @ApiProperty(personal({ $ref: getSchemaPath(SoughtPerson) })) sought!: SoughtPerson | ErasedValue;
  @ApiProperty({ type: LastSeenView }) lastSeen!: LastSeenView;
  @ApiProperty({ type: String, format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: [CandidateSummary] }) candidates!: CandidateSummary[];
  /** The person found, once closed as found through a match. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) foundPersonId!: string | null;
  /** The request stream's version: the ETag to send back as If-Match. */
  @ApiProperty({ type: 'integer', minimum: 0 }) version!: number;
}
