import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ClaimedIdentityDto, DescriptorsDto } from '../../application/identity.dto';
import { KAB_KOTA, KECAMATAN } from '../../application/request-fields';
import { PICKUP_CIRCUMSTANCES, type PickupCircumstance } from '../../domain/pickup/pickup.commands';

export class PickupLocationDto {
  @IsString() @Length(1, 500) text!: string;
  /** Kabupaten/kota, 4 digits without dots, e.g. '3507'. */
  @Matches(KAB_KOTA, { message: 'regionCode must be a 4-digit kabupaten/kota code' }) regionCode!: string;
  /** Kecamatan, 6 digits. */
  @IsOptional() @Matches(KECAMATAN, { message: 'districtCode must be a 6-digit kecamatan code' }) districtCode?: string;
  @IsOptional() @IsNumber() lat?: number;
  @IsOptional() @IsNumber() lon?: number;
}

export class ReportPickupRequest {
  /** When the person was found: an offline unit sends it days later. */
  @ApiProperty({ type: String, format: 'date-time' }) @IsISO8601() foundAt!: string;
  @ValidateNested() @Type(() => PickupLocationDto) location!: PickupLocationDto;
  /** One circumstance or several. */
  @ApiProperty({
    type: 'string',
    oneOf: [
      { type: 'string', enum: [...PICKUP_CIRCUMSTANCES] },
      {
        type: 'array',
        items: { type: 'string', enum: [...PICKUP_CIRCUMSTANCES] },
        minItems: 1,
        maxItems: PICKUP_CIRCUMSTANCES.length,
      },
    ],
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @ArrayMinSize(1)
  @ArrayMaxSize(PICKUP_CIRCUMSTANCES.length)
  @IsIn(PICKUP_CIRCUMSTANCES, { each: true })
  circumstances!: PickupCircumstance[];
  @IsOptional() @IsString() @Length(1, 2000) circumstancesNote?: string;
  @IsString() @Length(1, 2000) observedCondition!: string;
  @IsOptional() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 200, { each: true }) belongings?: string[];
  @IsOptional() @ValidateNested() @Type(() => ClaimedIdentityDto) claimedIdentity?: ClaimedIdentityDto;
  @IsOptional() @ValidateNested() @Type(() => DescriptorsDto) descriptors?: DescriptorsDto;
  @IsOptional() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 100, { each: true }) officerRefs?: string[];
  /** An object-store key of the photo, never the image. */
  @IsOptional() @IsString() @Length(1, 500) photoRef?: string;
  /** When the report was made, if not now. */
  @IsOptional() @IsISO8601() occurredAt?: string;
}
