import { eachAtOnce } from './each-at-once';

describe('eachAtOnce', () => {
  it('works on every item, never more than the limit at a time, and answers in the items’ order', async () => {
    let inHand = 0;
    let most = 0;
    const order: number[] = [];
    const results = await eachAtOnce([30, 5, 20, 1, 10, 2], 3, async (ms) => {
      most = Math.max(most, ++inHand);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inHand -= 1;
      order.push(ms);
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20, 4]);
    expect(most).toBe(3);
    // A short item finishes before a long one started earlier: the slots do not wait for each other.
    expect(order.indexOf(5)).toBeLessThan(order.indexOf(30));
  });

  it('answers at once for no items', async () => {
    await expect(eachAtOnce([], 4, async () => 1)).resolves.toEqual([]);
  });
});
