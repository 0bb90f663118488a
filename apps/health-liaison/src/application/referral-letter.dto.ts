import { Type } from 'class-transformer';
import { IsDefined, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { ReferralLetter } from '../domain/referral/referral.vocabulary';

export class WorkerContactDto {
  @IsString() @Length(1, 200) name!: string;
  @Matches(/^\+?[0-9][0-9 ()-]{5,24}$/, { message: 'phone must be a phone number' }) phone!: string;
}

/** The referral letter (surat rujukan): read only by the addressed RSJ and the owning office. */
export class ReferralLetterDto {
  @IsString() @Length(1, 4000) reason!: string;
  @IsOptional() @IsString() @Length(1, 500) escort?: string;
  @IsDefined() @ValidateNested() @Type(() => WorkerContactDto) workerContact!: WorkerContactDto;
}

export function toLetter(dto: ReferralLetterDto): ReferralLetter {
  return {
    reason: dto.reason,
    ...(dto.escort !== undefined && { escort: dto.escort }),
    workerContact: { name: dto.workerContact.name, phone: dto.workerContact.phone },
  };
}
