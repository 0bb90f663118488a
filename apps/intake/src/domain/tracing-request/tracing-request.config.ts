export interface TracingRequestConfig {
  /** The probability from which a new candidate goes to the review queue (libs/person-matching's scoreMatch). */
  proposalThreshold: number;
}

/**
 * 0.1 by default: a reviewer's minute costs less than a relative never shown to the family. The
 * probabilities are calibrated on the generated population (docs/architecture.md, "Matching
 * persons found with tracing requests"): a proposal at 0.1 is the relative about one time in six,
 * about 0.4 proposals per person found; 0.2 halves the load for a quarter less recall. To re-tune
 * from the reviewers' decisions.
 */
export const DEFAULT_TRACING_REQUEST_CONFIG: TracingRequestConfig = { proposalThreshold: 0.1 };

export function checkTracingRequestConfig(config: TracingRequestConfig): TracingRequestConfig {
  const { proposalThreshold } = config;
  if (!(proposalThreshold > 0 && proposalThreshold < 1)) {
    throw new Error(`proposalThreshold must be a probability above 0 and below 1 (got ${proposalThreshold})`);
  }
  return config;
}
