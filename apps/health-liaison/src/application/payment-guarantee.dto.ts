import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { GUARANTEE_KINDS, type GuaranteeKind, type PaymentGuarantee } from '../domain/referral/referral.vocabulary';
import { CALENDAR_DATE } from './request-fields';

export class PaymentGuaranteeDto {
  @IsIn(GUARANTEE_KINDS) kind!: GuaranteeKind;
  /** The BPJS card, Jamkesda, SKTM or letter number; may follow later. */
  @IsOptional() @IsString() @Length(1, 100) reference?: string;
  @IsOptional() @IsString() @Length(1, 200) issuer?: string;
  /** YYYY-MM-DD */
  @IsOptional() @Matches(CALENDAR_DATE, { message: 'validUntil must be a date, YYYY-MM-DD' }) validUntil?: string;
}

export function toGuarantee(dto: PaymentGuaranteeDto): PaymentGuarantee {
  return {
    kind: dto.kind,
    ...(dto.reference !== undefined && { reference: dto.reference }),
    ...(dto.issuer !== undefined && { issuer: dto.issuer }),
    ...(dto.validUntil !== undefined && { validUntil: dto.validUntil }),
  };
}
