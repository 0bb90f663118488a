import { areValidFollowUpOffsets } from './follow-up-schedule';

export interface ReunificationConfig {
  /** Months after the reunification at which follow-up visits are due, unless the command says otherwise. */
  followUpOffsetsMonths: readonly number[];
}

/**
 * Follow-up visits at 1, 3 and 6 months by default: no source sets an interval, so this is an assumption
 * from common practice, to confirm with the offices (docs/domain.md, "Steps": follow-up).
 */
export const DEFAULT_REUNIFICATION_CONFIG: ReunificationConfig = { followUpOffsetsMonths: [1, 3, 6] };

export function checkReunificationConfig(config: ReunificationConfig): ReunificationConfig {
  if (!areValidFollowUpOffsets(config.followUpOffsetsMonths)) {
    throw new Error(
      `followUpOffsetsMonths must be increasing whole months above 0, such as [1, 3, 6] (got ${JSON.stringify(config.followUpOffsetsMonths)})`,
    );
  }
  return config;
}
