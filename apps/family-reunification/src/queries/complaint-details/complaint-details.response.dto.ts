import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { FAMILY_CHANNELS, type FamilyChannel } from '@lintas/domain-kernel/family-channel';
import { ErasedValue, personal } from '@lintas/platform/http/openapi/personal-data.schema';
import {
  COMPLAINT_KINDS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_STATUSES,
  COMPLAINT_SUBJECT_TYPES,
  type ComplaintKind,
  type ComplaintOutcome,
  type ComplaintStatus,
  type ComplaintSubject,
} from '../../domain/complaint/complaint.vocabulary';

const UUID = { type: String, format: 'uuid' } as const;
const DATE = { type: String, format: 'date' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;

/** What is complained of, by id only. */
export class ComplaintSubjectView {
  @ApiProperty({ enum: COMPLAINT_SUBJECT_TYPES }) type!: ComplaintSubject['type'];
  /** The case's, referral's, placement's or tracing request's id, or the agency's id. */
  @ApiProperty({ type: String }) id!: string;
}

/** The deadline passed unanswered and the complaint went to the addressee's parent office. */
export class ComplaintEscalationView {
  /** The agency that let its deadline pass. */
  @ApiProperty({ type: String }) fromAgencyId!: string;
  /** Its parent office in the agency register, which answers now. */
  @ApiProperty({ type: String }) toAgencyId!: string;
  /** The deadline that was missed. */
  @ApiProperty(DATE) overdueSince!: string;
  /** The parent office's own deadline. */
  @ApiProperty(DATE) answerBy!: string;
  @ApiProperty(DATE_TIME) at!: string;
}

@ApiExtraModels(ErasedValue)
export class ComplaintAnswerView {
  /** The agency that answered. */
  @ApiProperty({ type: String }) by!: string;
  @ApiProperty(DATE_TIME) at!: string;
  /** The answer, for the family. */
  @ApiProperty(personal({ type: 'string' })) text!: string | ErasedValue;
}

/** A complaint (pengaduan) as the agency that filed it and the agencies it was routed to see it. */
@ApiExtraModels(ErasedValue)
export class ComplaintResponse {
  @ApiProperty(UUID) complaintId!: string;
  /** The person it is about, or the id that stands for the complainant when it is about a service alone. */
  @ApiProperty(UUID) personId!: string;
  @ApiProperty({ enum: COMPLAINT_KINDS }) kind!: ComplaintKind;
  @ApiProperty({ type: ComplaintSubjectView }) about!: ComplaintSubjectView;
  @ApiProperty({ enum: FAMILY_CHANNELS }) channel!: FamilyChannel;
  /** The complaint in the family's words. */
  @ApiProperty(personal({ type: 'string' })) text!: string | ErasedValue;
  /** The Dinas Sosial office or police station that filed it for the family. */
  @ApiProperty({ type: String }) filedBy!: string;
  @ApiProperty(DATE_TIME) filedAt!: string;
  /** The agency that answers now. */
  @ApiProperty({ type: String }) routedTo!: string;
  /** The last day for the agency it is routed to to answer. */
  @ApiProperty(DATE) answerBy!: string;
  /** Open and past its last day (in UTC): escalated at the schedule's next round. */
  @ApiProperty({ type: Boolean }) overdue!: boolean;
  /** `open` waits for an answer, `answered` for the filer to close it. */
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: ComplaintStatus;
  /** Every escalation, oldest first. */
  @ApiProperty({ type: [ComplaintEscalationView] }) escalations!: ComplaintEscalationView[];
  /** Null until answered. */
  @ApiProperty({ type: ComplaintAnswerView, nullable: true }) answer!: ComplaintAnswerView | null;
  /** Null until closed. */
  @ApiProperty({ enum: COMPLAINT_OUTCOMES, nullable: true }) outcome!: ComplaintOutcome | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) closedAt!: string | null;
  /** The complaint stream's version: the ETag to send back as If-Match. */
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
}
