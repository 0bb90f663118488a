import { IsOptional, IsString, Length } from 'class-validator';

export class VerifyEverythingRequest {
  /** Why it is checked (an inspection, a complaint, a routine): kept with each outcome. */
  @IsOptional() @IsString() @Length(1, 500) reason?: string;
}
