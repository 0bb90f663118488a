import type { Decider } from '@lintas/event-store/decider';
import type { VerificationRecorded, VerificationRecordedData } from './verification.events';

export interface RecordVerification {
  type: 'RecordVerification';
  outcome: VerificationRecordedData;
}

/** Verifications are facts: each is recorded as it came out, none refused. */
export const verificationDecider: Decider<RecordVerification, VerificationRecorded, null> = {
  initialState: null,
  decide: (command) => [{ type: 'VerificationRecorded', data: command.outcome }],
  evolve: (state) => state,
};
