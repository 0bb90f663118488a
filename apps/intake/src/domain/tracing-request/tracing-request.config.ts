export interface TracingRequestConfig {
  /** The probability from which a new candidate goes to the review queue (libs/person-matching's scoreMatch). */
  proposalThreshold: number;
}

/**
 * 0.1 by default, an assumption: a reviewer's minute costs less than a relative never shown to the
 * family, and the probabilities are not yet calibrated (docs/architecture.md, "Matching persons
 * found with tracing requests"). To re-tune from the reviewers' decisions.
 */
export const DEFAULT_TRACING_REQUEST_CONFIG: TracingRequestConfig = { proposalThreshold: 0.1 };

export function checkTracingRequestConfig(config: TracingRequestConfig): TracingRequestConfig {
  const { proposalThreshold } = config;
  if (!(proposalThreshold > 0 && proposalThreshold < 1)) {
    throw new Error(`proposalThreshold must be a probability above 0 and below 1 (got ${proposalThreshold})`);
  }
  return config;
}
