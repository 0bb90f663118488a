import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErasedValue, personal } from '@lintas/platform/http/openapi/personal-data.schema';

/**
 * The FHIR R4 answers as far as the API documents and the access records need them: the fields
 * that carry personal data are declared `personal(...)`, so that a read of a resource is recorded
 * with them (read-shape.ts). The full shapes are FHIR's (hl7.org/fhir/R4), typed by `fhir/r4`.
 */

export class FhirReferenceView {
  /** `Patient/<personId>`, `Organization/<agencyId>`, `ServiceRequest/<referralId>`. */
  @ApiProperty({ type: String }) reference!: string;
}

@ApiExtraModels(ErasedValue)
export class FhirIdentifierView {
  @ApiProperty({ type: String, format: 'uri' }) system!: string;
  /** A NIK, an IHS number or the RSJ's medical record number: personal. */
  @ApiProperty(personal({ type: 'string' })) value!: string | ErasedValue;
}

export class FhirCodingView {
  @ApiProperty({ type: String, format: 'uri' }) system!: string;
  @ApiProperty({ type: String }) code!: string;
}

@ApiExtraModels(ErasedValue)
export class FhirTextView {
  /** Free text written about the person: personal. */
  @ApiProperty(personal({ type: 'string' })) text!: string | ErasedValue;
}

@ApiExtraModels(ErasedValue)
export class FhirCodeableConceptView {
  @ApiPropertyOptional({ type: [FhirCodingView] }) coding?: FhirCodingView[];
  /** The RSJ's or office's explanation: personal. */
  @ApiPropertyOptional(personal({ type: 'string' })) text?: string | ErasedValue;
}

@ApiExtraModels(ErasedValue)
export class FhirTaskOutputView {
  @ApiProperty({ type: FhirCodeableConceptView }) type!: FhirCodeableConceptView;
  /** The ward, the medication plan, the summary: personal. */
  @ApiPropertyOptional(personal({ type: 'string' })) valueString?: string | ErasedValue;
  @ApiPropertyOptional({ type: FhirIdentifierView }) valueIdentifier?: FhirIdentifierView;
  @ApiPropertyOptional({ type: String, format: 'date' }) valueDate?: string;
  @ApiPropertyOptional({ type: FhirCodeableConceptView }) valueCodeableConcept?: FhirCodeableConceptView;
  @ApiPropertyOptional({ type: FhirReferenceView }) valueReference?: FhirReferenceView;
}

/** A person as a FHIR Patient: the Lintas person id, the NIK and IHS number where known, the RSJ's record number. */
export class FhirPatientResponse {
  @ApiProperty({ enum: ['Patient'] }) resourceType!: 'Patient';
  /** The Lintas person id. */
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: [FhirIdentifierView] }) identifier!: FhirIdentifierView[];
  @ApiPropertyOptional({ type: String, format: 'date-time' }) deceasedDateTime?: string;
}

/** A referral as the office's FHIR ServiceRequest. */
export class FhirServiceRequestResponse {
  @ApiProperty({ enum: ['ServiceRequest'] }) resourceType!: 'ServiceRequest';
  /** The referral id. */
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['active', 'revoked', 'completed'] }) status!: string;
  @ApiProperty({ type: FhirReferenceView }) subject!: FhirReferenceView;
  /** Why the person is referred (the letter). */
  @ApiPropertyOptional({ type: [FhirTextView] }) reasonCode?: FhirTextView[];
  /** The escort and the social worker to call. */
  @ApiPropertyOptional({ type: [FhirTextView] }) note?: FhirTextView[];
}

/** A referral as the RSJ's FHIR Task. */
export class FhirTaskResponse {
  @ApiProperty({ enum: ['Task'] }) resourceType!: 'Task';
  /** The referral id. */
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: ['requested', 'accepted', 'rejected', 'in-progress', 'completed', 'cancelled', 'failed'],
  })
  status!: string;
  @ApiPropertyOptional({ type: FhirCodeableConceptView }) statusReason?: FhirCodeableConceptView;
  @ApiProperty({ type: FhirReferenceView }) for!: FhirReferenceView;
  @ApiPropertyOptional({ type: [FhirTaskOutputView] }) output?: FhirTaskOutputView[];
}
