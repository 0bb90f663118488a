import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Descriptors } from '../../application/identity.response.dto';
import { ErasedValue, personal } from '@lintas/platform/http/openapi/personal-data.schema';
import { CALENDAR_DATE, KAB_KOTA, SEXES } from '../../application/request-fields';
import { DuplicateCandidate } from '../../application/write-answers.response.dto';
import { IDENTITY_FLAGS, type IdentityFlag } from '../../domain/case/case.events';
import {
  ASSESSMENT_DECISIONS,
  CANDIDATE_STATUSES,
  CASE_OUTCOMES,
  CASE_STATUSES,
  RISK_LEVELS,
  type AssessmentDecision,
  type CandidateStatus,
  type CaseOutcome,
  type CaseStatus,
  type RiskLevel,
} from '../../domain/case/case.vocabulary';
import {
  IDENTITY_CONFIDENCES,
  IDENTITY_SOURCES,
  type IdentityConfidence,
  type IdentitySource,
  type Sex,
} from '../../domain/identity/identity';
import { CONSENT_BASES, TRANSFER_OUTCOMES, type ConsentBasis, type TransferOutcome } from './case-view';

/** Who the person is, as the latest identification says. */
@ApiExtraModels(ErasedValue)
export class CaseIdentity {
  /** The office that identified the person. */
  @ApiProperty({ type: String }) identifiedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) identifiedAt!: string;
  /** Without spaces, dots or hyphens; as given otherwise, and flagged when its structure looks wrong. */
  @ApiProperty(personal({ type: 'string' }, true)) nik!: string | null | ErasedValue;
  /**
   * The NIK's last four digits (its serial within a birth date and kecamatan: no one is found by
   * them alone), what a screen shows until someone reveals the NIK; null without a NIK.
   */
  @ApiProperty({ type: String, pattern: '^\\d{4}$', nullable: true }) nikLast4!: string | null;
  /** The family card number, normalised as the NIK is. */
  @ApiProperty(personal({ type: 'string' }, true)) kk!: string | null | ErasedValue;
  @ApiProperty(personal({ type: 'string' })) name!: string | ErasedValue;
  @ApiProperty(personal({ type: 'array', items: { type: 'string' } })) aliases!: string[] | ErasedValue;
  @ApiProperty(personal({ type: 'string', format: 'date', pattern: CALENDAR_DATE.source }, true))
  birthDate!: string | null | ErasedValue;
  /** From the birth date, or given alone when only the year is known. */
  @ApiProperty(personal({ type: 'integer' }, true)) birthYear!: number | null | ErasedValue;
  @ApiProperty(personal({ type: 'string', enum: [...SEXES] }, true)) sex!: Sex | null | ErasedValue;
  @ApiProperty(personal({ type: 'string' }, true)) address!: string | null | ErasedValue;
  /** Kabupaten/kota of origin: as given, else read from a NIK whose region is known. */
  @ApiProperty({ type: String, pattern: KAB_KOTA.source, nullable: true }) originRegionCode!: string | null;
  @ApiProperty({ enum: IDENTITY_SOURCES }) source!: IdentitySource;
  @ApiProperty({ enum: IDENTITY_CONFIDENCES }) confidence!: IdentityConfidence;
  /** What looks wrong in the NIK and KK: for the worker to look at, never a refusal. */
  @ApiProperty({ enum: IDENTITY_FLAGS, isArray: true }) flags!: IdentityFlag[];
}

/** An earlier person proposed as the same one, and what became of the proposal. */
export class CaseDuplicateCandidate extends DuplicateCandidate {
  @ApiProperty({ enum: CANDIDATE_STATUSES }) status!: CandidateStatus;
}

/** The lawful basis of processing the person's data for a purpose. */
export class CaseConsent {
  @ApiProperty({ type: String }) purpose!: string;
  /** Consent by the person or a guardian, or another legal basis when consent is impossible. */
  @ApiProperty({ enum: CONSENT_BASES }) basis!: ConsentBasis;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

/** The initial assessment and its decision. */
@ApiExtraModels(ErasedValue)
export class CaseAssessment {
  @ApiProperty({ enum: ASSESSMENT_DECISIONS }) decision!: AssessmentDecision;
  /** The RSJ referred to, for decision 'rsj'. */
  @ApiProperty({ type: String, nullable: true }) rsjId!: string | null;
  /** The panti placed in, for decision 'panti'. */
  @ApiProperty({ type: String, nullable: true }) pantiId!: string | null;
  @ApiProperty(personal({ type: 'array', items: { type: 'string' } })) needs!: string[] | ErasedValue;
  @ApiProperty(personal({ type: 'string', enum: [...RISK_LEVELS] }, true)) riskToSelf!: RiskLevel | null | ErasedValue;
  @ApiProperty(personal({ type: 'string', enum: [...RISK_LEVELS] }, true))
  riskToOthers!: RiskLevel | null | ErasedValue;
  @ApiProperty(personal({ type: 'string' }, true)) notes!: string | null | ErasedValue;
  @ApiProperty({ type: String, format: 'date-time' }) assessedAt!: string;
}

/** Another office is asked to take the case over and has not answered yet. */
@ApiExtraModels(ErasedValue)
export class PendingTransfer {
  @ApiProperty({ type: String }) toOfficeId!: string;
  /** Why the case belongs there. */
  @ApiProperty(personal({ type: 'string' })) reason!: string | ErasedValue;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: string;
}

/** A request to take the case over, and how it ended. */
export class PastTransfer {
  @ApiProperty({ type: String }) fromOfficeId!: string;
  @ApiProperty({ type: String }) toOfficeId!: string;
  @ApiProperty({ enum: TRANSFER_OUTCOMES }) outcome!: TransferOutcome;
  /** When the addressed office accepted or declined. */
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

/** The whole case, from its stream. */
@ApiExtraModels(ErasedValue, Descriptors)
export class CaseDetailsResponse {
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  /** `<kab/kota code>-<year>-<sequence>`, per owning office and year, e.g. `3507-2025-00042`. */
  @ApiProperty({ type: String, pattern: '^\\d{4}-\\d{4}-\\d{5}$', example: '3507-2025-00042' }) caseNumber!: string;
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The owning office: the one that registered the case, or took it over. */
  @ApiProperty({ type: String }) officeId!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ type: String, format: 'date-time' }) registeredAt!: string;
  /** The pickup the case comes from; null for a person brought in otherwise. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) pickupId!: string | null;
  /** Kabupaten/kota where the person was found. */
  @ApiProperty({ type: String, pattern: KAB_KOTA.source }) foundRegionCode!: string;
  /** PPKS categories, e.g. 'gelandangan-psikotik'. */
  @ApiProperty(personal({ type: 'array', items: { type: 'string' } })) categories!: string[] | ErasedValue;
  @ApiProperty(personal({ $ref: getSchemaPath(Descriptors) }, true)) descriptors!: Descriptors | null | ErasedValue;
  /** Null until the person is identified. */
  @ApiProperty({ type: CaseIdentity, nullable: true }) identity!: CaseIdentity | null;
  @ApiProperty({ type: [CaseDuplicateCandidate] }) duplicateCandidates!: CaseDuplicateCandidate[];
  /** The earlier person this case's person was linked into. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) linkedInto!: string | null;
  @ApiProperty({ type: [CaseConsent] }) consents!: CaseConsent[];
  /** Null until the assessment is completed. */
  @ApiProperty({ type: CaseAssessment, nullable: true }) assessment!: CaseAssessment | null;
  /** The request to take the case over that is still open, if any. */
  @ApiProperty({ type: PendingTransfer, nullable: true }) transfer!: PendingTransfer | null;
  /** Requests to take the case over that were answered, oldest first. */
  @ApiProperty({ type: [PastTransfer] }) transfers!: PastTransfer[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) abscondedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) diedAt!: string | null;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true }) outcome!: CaseOutcome | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  /** The case stream's version: the ETag to send back as If-Match. */
  @ApiProperty({ type: 'integer', minimum: 0 }) version!: number;
}
