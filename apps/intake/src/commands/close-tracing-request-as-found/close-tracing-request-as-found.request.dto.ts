import { IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class CloseTracingRequestAsFoundRequest {
  /** The confirmed candidate; left out when the family found the relative outside Lintas. */
  @IsOptional() @IsUUID() foundPersonId?: string;
  /** Personal data. */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
