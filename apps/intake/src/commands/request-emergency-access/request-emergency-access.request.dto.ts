import { IsString, Length } from 'class-validator';

export class RequestEmergencyAccessRequest {
  /**
   * Why the agency needs the person's records now, outside the rules: the owning office reviews
   * it. Sealed as the person's data.
   */
  @IsString() @Length(20, 2000) reason!: string;
}
