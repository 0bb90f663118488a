import { defaultReviewDates } from './review-policy';

describe('the default review of a plan', () => {
  it('falls a month after the plan is agreed', () => {
    expect(defaultReviewDates('2025-01-15T03:00:00.000Z')).toEqual(['2025-02-14']);
  });
});
