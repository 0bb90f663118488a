import { IsOptional, IsUUID, Matches } from 'class-validator';

const STATUS = '(requested|accepted|declined|admitted|redirected|withdrawn|discharged|absconded|dead)';

export class ReferralWorkQueueQuery {
  /** Comma-separated statuses; by default those still needing someone: requested, accepted, declined, admitted. */
  @IsOptional()
  @Matches(new RegExp(`^${STATUS}(,${STATUS})*$`), { message: 'status must be statuses separated by commas' })
  status?: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsUUID() personId?: string;
}
