import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class AdmitResidentRequest {
  /** The wisma or ward, as the panti names it. */
  @IsOptional() @IsString() @Length(1, 100) unit?: string;
  @IsOptional() @IsString() @Length(1, 50) bed?: string;
  /** When the resident arrived, if not now. */
  @IsOptional() @IsISO8601() occurredAt?: string;
}
