/**
 * Settings every service under test starts with, before the test's own. Tests drive services
 * harder than any one agency would (hundreds of requests at once from one client, every bad token from one address): the rate
 * limits are lifted here, and a test of the limit sets its own.
 */
export const HARNESS_SETTINGS: Record<string, string> = {
  RATE_LIMIT_PER_SECOND: '1000000',
  RATE_LIMIT_BURST: '1000000',
  REFUSED_TOKENS_PER_SECOND: '1000000',
  REFUSED_TOKENS_BURST: '1000000',
};
