import { Every } from './every';

describe('work done every interval', () => {
  it('runs one round at a time, goes on after a failed round, and stopping waits for the round under way', async () => {
    let inRound = 0;
    let most = 0;
    let rounds = 0;
    const errors: unknown[] = [];
    const every = new Every(
      5,
      async () => {
        inRound += 1;
        most = Math.max(most, inRound);
        rounds += 1;
        // Longer than the interval: the next rounds must wait, not run beside it.
        await new Promise((resolve) => setTimeout(resolve, 20));
        inRound -= 1;
        if (rounds === 1) throw new Error('first round failed');
      },
      (error) => errors.push(error),
    );
    every.start();
    // Until three rounds began, however slow the machine: a fixed sleep failed under load.
    for (const deadline = Date.now() + 10_000; rounds < 3 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await every.stop();
    expect(inRound).toBe(0);
    expect(most).toBe(1);
    expect(rounds).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([new Error('first round failed')]);
    const after = rounds;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rounds).toBe(after);
  });
});
