import { answerByOf, isOverdue, offsetMinutesOf, onClockOf } from './complaint-deadline';

describe("a complaint's deadline, on the clock of the agency that filed it", () => {
  it('reads the offset of a time as written', () => {
    expect(offsetMinutesOf('2026-03-01T07:00:00+07:00')).toBe(420);
    expect(offsetMinutesOf('2026-03-01T07:00:00+09:00')).toBe(540);
    expect(offsetMinutesOf('2026-03-01T07:00:00Z')).toBe(0);
    expect(offsetMinutesOf('2026-03-01T07:00:00.000Z')).toBe(0);
    expect(offsetMinutesOf('2026-03-01T07:00:00-03:30')).toBe(-210);
  });

  it('writes a moment on that clock, the same instant', () => {
    const moment = new Date('2026-03-15T17:30:00Z');
    expect(onClockOf(moment, 420)).toBe('2026-03-16T00:30:00+07:00');
    expect(onClockOf(moment, 0)).toBe('2026-03-15T17:30:00Z');
    expect(Date.parse(onClockOf(moment, 540))).toBe(moment.getTime());
  });

  it('is overdue from local midnight after the last day, not hours later at UTC midnight', () => {
    const answerBy = answerByOf('2026-03-01T09:00:00+07:00', 14);
    expect(answerBy).toBe('2026-03-15');
    // 00:30 WIB on 16 March is still 15 March in UTC.
    const justAfter = new Date('2026-03-15T17:30:00Z');
    expect(isOverdue(answerBy, justAfter.toISOString())).toBe(false);
    expect(isOverdue(answerBy, onClockOf(justAfter, 420))).toBe(true);
    expect(isOverdue(answerBy, onClockOf(new Date('2026-03-15T16:30:00Z'), 420))).toBe(false);
  });
});
