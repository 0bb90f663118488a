import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class RecordTreatmentNoteRequest {
  /** Clinical, for the RSJ alone: sealed as personal data, never projected. */
  @IsString() @Length(1, 8000) note!: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
