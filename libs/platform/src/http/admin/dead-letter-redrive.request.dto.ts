import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

export class RedriveDeadLetterRequest {
  /** Why it is sent again (what was fixed), for the record. */
  @IsString() @Length(1, 500) @Matches(/\S/, { message: 'reason must not be blank' }) reason!: string;
  /** Send it again although it was sent again before (409 `dead-letter.already-redriven` otherwise). */
  @IsOptional() @IsBoolean() force?: boolean;
}
