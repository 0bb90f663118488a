import { ApiProperty } from '@nestjs/swagger';

const UUID = { type: String, format: 'uuid' } as const;

/** A pending follow-up visit of an open case of a living person. */
export class FollowUpDueView {
  @ApiProperty(UUID) reunificationId!: string;
  @ApiProperty(UUID) caseId!: string;
  @ApiProperty(UUID) personId!: string;
  /** 1 for the first visit after the hand-over. */
  @ApiProperty({ type: 'integer', minimum: 1 }) visit!: number;
  @ApiProperty({ type: String, format: 'date' }) dueOn!: string;
  /** Past its day (in UTC) and not yet visited or recorded as missed. */
  @ApiProperty({ type: Boolean }) overdue!: boolean;
}
