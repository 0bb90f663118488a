import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class AdmitPatientRequest {
  @IsString() @Length(1, 100) ward!: string;
  /** The RSJ's own medical record number: a typed external reference, sealed as personal data. */
  @IsString() @Length(1, 100) hospitalRecordNumber!: string;
  /** When the patient was admitted, if not now. */
  @IsOptional() @IsISO8601() occurredAt?: string;
}
