/**
 * When a plan that names no review date is first reviewed: a month after it is agreed. The sources
 * set no interval; this is the project's assumption [A], to be set per panti when users name one.
 */
export const DEFAULT_FIRST_REVIEW_AFTER_DAYS = 30;

export function defaultReviewDates(agreedAt: string, afterDays = DEFAULT_FIRST_REVIEW_AFTER_DAYS): string[] {
  const day = new Date(agreedAt);
  day.setUTCDate(day.getUTCDate() + afterDays);
  return [day.toISOString().slice(0, 10)];
}
