import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { REFERRAL_STATUSES } from '../../domain/referral/referral.state';

const STATUS = `(${REFERRAL_STATUSES.join('|')})`;
const STATUSES = new RegExp(`^${STATUS}(,${STATUS})*$`);

export class ReferralWorkQueueQuery {
  /** Comma-separated statuses; by default those still needing someone: requested, accepted, declined, admitted. */
  @ApiPropertyOptional({
    type: String,
    pattern: STATUSES.source,
    example: 'requested,accepted',
    description:
      'Comma-separated statuses, each one of ' +
      `${REFERRAL_STATUSES.map((status) => `\`${status}\``).join(', ')}; by default those still needing ` +
      'someone: `requested`, `accepted`, `declined`, `admitted`.',
  })
  @IsOptional()
  @Matches(STATUSES, { message: 'status must be statuses separated by commas' })
  status?: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsUUID() personId?: string;
}
