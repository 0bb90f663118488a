import { Type } from 'class-transformer';
import { ArrayMaxSize, IsISO8601, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { DescriptorsDto } from '../../application/identity.dto';

export class RegisterIntakeRequest {
  /** The pickup handed over to this office; absent for a person brought in otherwise. */
  @IsOptional() @IsUUID() pickupId?: string;
  /** The person of the pickup; for a person without pickup, a new one when absent. */
  @IsOptional() @IsUUID() personId?: string;
  /** PPKS categories, e.g. 'gelandangan-psikotik'. */
  @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 100, { each: true }) categories!: string[];
  @IsOptional() @ValidateNested() @Type(() => DescriptorsDto) descriptors?: DescriptorsDto;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
