export interface ComplaintConfig {
  /** Days after filing by which the agency routed to answers. */
  answerWithinDays: number;
  /** Days after an escalation by which the parent office answers. */
  escalatedAnswerWithinDays: number;
}

/**
 * 14 days to answer, 7 more after an escalation: an assumption, since no source sets a deadline;
 * regions have their own rules, so these are to confirm with the offices (docs/domain.md, "Steps").
 */
export const DEFAULT_COMPLAINT_CONFIG: ComplaintConfig = { answerWithinDays: 14, escalatedAnswerWithinDays: 7 };

export function checkComplaintConfig(config: ComplaintConfig): ComplaintConfig {
  for (const [name, days] of Object.entries(config)) {
    if (!Number.isInteger(days) || days < 1) {
      throw new Error(`${name} must be a whole number of days, at least 1 (got ${JSON.stringify(days)})`);
    }
  }
  return config;
}
