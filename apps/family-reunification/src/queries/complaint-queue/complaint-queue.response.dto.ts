import { ApiProperty } from '@nestjs/swagger';
import { FAMILY_CHANNELS, type FamilyChannel } from '@lintas/domain-kernel/family-channel';
import {
  COMPLAINT_KINDS,
  COMPLAINT_SUBJECT_TYPES,
  type ComplaintKind,
  type ComplaintSubject,
} from '../../domain/complaint/complaint.vocabulary';

const UUID = { type: String, format: 'uuid' } as const;

/** What is complained of, by id only. */
export class QueuedComplaintSubjectView {
  @ApiProperty({ enum: COMPLAINT_SUBJECT_TYPES }) type!: ComplaintSubject['type'];
  @ApiProperty({ type: String }) id!: string;
}

/** An unanswered complaint routed to the calling agency; its text is read at `GET /complaints/{complaintId}`. */
export class QueuedComplaintView {
  @ApiProperty(UUID) complaintId!: string;
  /** The person it is about, or the id that stands for the complainant. */
  @ApiProperty(UUID) personId!: string;
  @ApiProperty({ enum: COMPLAINT_KINDS }) kind!: ComplaintKind;
  @ApiProperty({ type: QueuedComplaintSubjectView }) about!: QueuedComplaintSubjectView;
  @ApiProperty({ enum: FAMILY_CHANNELS }) channel!: FamilyChannel;
  /** The office or police station that filed it for the family. */
  @ApiProperty({ type: String }) filedBy!: string;
  /** In UTC. */
  @ApiProperty({ type: String, format: 'date-time' }) filedAt!: string;
  /** The last day to answer. */
  @ApiProperty({ type: String, format: 'date' }) answerBy!: string;
  /** Past its last day (in UTC) and unanswered: the schedule escalates it to the parent office. */
  @ApiProperty({ type: Boolean }) overdue!: boolean;
  /** 0 when routed here at filing; more when it came here because others let their deadline pass. */
  @ApiProperty({ type: 'integer', minimum: 0 }) escalations!: number;
}
