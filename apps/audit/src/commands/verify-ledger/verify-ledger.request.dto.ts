import { IsOptional, IsString, Length } from 'class-validator';

export class VerifyLedgerRequest {
  /** Why it is checked (an inspection, a complaint, a routine): kept with the outcome. */
  @IsOptional() @IsString() @Length(1, 500) reason?: string;
}
