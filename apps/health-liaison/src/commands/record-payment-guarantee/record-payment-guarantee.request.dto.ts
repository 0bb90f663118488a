import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsOptional, ValidateNested } from 'class-validator';
import { PaymentGuaranteeDto } from '../../application/payment-guarantee.dto';

export class RecordPaymentGuaranteeRequest {
  @IsDefined() @ValidateNested() @Type(() => PaymentGuaranteeDto) guarantee!: PaymentGuaranteeDto;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
