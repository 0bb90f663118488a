import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Length, ValidateIf, ValidateNested } from 'class-validator';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { LEGAL_GROUNDS, type LegalGround, type ProcessingBasis } from '../../domain/case/case.vocabulary';

export class GuardianDto {
  @IsString() @Length(1, 200) name!: string;
  @IsString() @Length(1, 100) relation!: string;
}

export class RecordConsentRequest {
  /** What the data is processed for, e.g. 'rehabilitation and reunification'. */
  @IsString() @Length(1, 500) purpose!: string;
  @IsIn(['person', 'guardian', 'legal-basis']) givenBy!: 'person' | 'guardian' | 'legal-basis';
  /** Who consents for a child or a person without capacity. */
  @ValidateIf((body: RecordConsentRequest) => body.givenBy === 'guardian')
  @ValidateNested()
  @Type(() => GuardianDto)
  guardian?: GuardianDto;
  /** The legal reference when consent is impossible, e.g. 'UU 27/2022 Pasal 20'. */
  @ValidateIf((body: RecordConsentRequest) => body.givenBy === 'legal-basis')
  @IsString()
  @Length(1, 500)
  legalBasis?: string;
  @IsOptional() @IsIn(LEGAL_GROUNDS) legalGround?: LegalGround;
  @IsOptional() @IsString() @Length(1, 2000) whyNoConsent?: string;
  /** Why the person cannot consent now (sealed as personal data). */
  @IsOptional() @IsString() @Length(1, 2000) capacityNote?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}

export function basisOf(body: RecordConsentRequest): ProcessingBasis {
  if (body.givenBy === 'person') return { kind: 'consent', givenBy: 'person' };
  if (body.givenBy === 'guardian') {
    if (!body.guardian) throw new DomainError('consent.guardian-required', 'name the guardian', 'invalid');
    return {
      kind: 'consent',
      givenBy: 'guardian',
      guardian: { name: body.guardian.name, relation: body.guardian.relation },
    };
  }
  return {
    kind: 'legal-basis',
    reference: body.legalBasis ?? '',
    ...(body.legalGround && { ground: body.legalGround }),
    ...(body.whyNoConsent && { whyNoConsent: body.whyNoConsent }),
  };
}
