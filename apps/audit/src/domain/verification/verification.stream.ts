import type { StreamKind } from '@lintas/commands/stream-writer';
import { verificationDecider, type RecordVerification } from './verification.decider';
import type { VerificationRecorded } from './verification.events';

/** One stream per verification subject (`verifications-ledger`, `verifications-intake`), about no person. */
export const verificationStream: StreamKind<RecordVerification, VerificationRecorded, null> = {
  streamId: (subject) => `verifications-${subject}`,
  decider: verificationDecider,
  aboutPerson: false,
};
