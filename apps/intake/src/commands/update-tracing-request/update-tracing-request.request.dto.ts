import { Type } from 'class-transformer';
import { IsISO8601, IsOptional, ValidateNested } from 'class-validator';
import { LastSeenDto, RequesterDto, SoughtPersonDto } from '../../application/tracing-request.dto';

/** Each part given replaces that part whole; a part left out stays as it was. */
export class UpdateTracingRequestRequest {
  @IsOptional() @ValidateNested() @Type(() => RequesterDto) requester?: RequesterDto;
  @IsOptional() @ValidateNested() @Type(() => SoughtPersonDto) sought?: SoughtPersonDto;
  @IsOptional() @ValidateNested() @Type(() => LastSeenDto) lastSeen?: LastSeenDto;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
