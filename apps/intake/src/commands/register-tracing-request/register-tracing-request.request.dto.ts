import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, Matches, ValidateNested } from 'class-validator';
import { FAMILY_CHANNELS, type FamilyChannel } from '@lintas/domain-kernel/family-channel';
import { AGENCY_ID } from '../../application/request-fields';
import { LastSeenDto, RequesterDto, SoughtPersonDto } from '../../application/tracing-request.dto';

export class RegisterTracingRequestRequest {
  /** How the family reached Lintas: the police record only their own channel. */
  @ApiProperty({ enum: FAMILY_CHANNELS }) @IsIn(FAMILY_CHANNELS) channel!: FamilyChannel;
  /** The Dinas Sosial office that will own the request: required from the police, else the registering office. */
  @ApiPropertyOptional({ type: String, pattern: AGENCY_ID.source })
  @IsOptional()
  @Matches(AGENCY_ID)
  officeId?: string;
  @ValidateNested() @Type(() => RequesterDto) requester!: RequesterDto;
  @ValidateNested() @Type(() => SoughtPersonDto) sought!: SoughtPersonDto;
  @ValidateNested() @Type(() => LastSeenDto) lastSeen!: LastSeenDto;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
