import type { StreamKind } from '@lintas/commands/stream-writer';
import type { ReferralCommand } from './referral.commands';
import { referralDecider } from './referral.decider';
import type { ReferralEvent } from './referral.events';
import type { ReferralState } from './referral.state';

/** One stream per referral, ruled by the referral decider. */
export const referralStream: StreamKind<ReferralCommand, ReferralEvent, ReferralState> = {
  streamId: (referralId) => `referral-${referralId}`,
  decider: referralDecider,
};
