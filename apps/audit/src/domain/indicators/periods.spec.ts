import { dayEnd, localDateOf, localMonthOf, monthStart, Periods, utcOffsetHours } from './periods';

describe("a region's clock", () => {
  it('is WIB in Java and Sumatra, WITA in Bali, Nusa Tenggara, most of Kalimantan and Sulawesi, WIT in Maluku and Papua', () => {
    expect(utcOffsetHours('3507')).toBe(7); // Kabupaten Malang
    expect(utcOffsetHours('1271')).toBe(7); // Kota Medan
    expect(utcOffsetHours('6171')).toBe(7); // Kota Pontianak
    expect(utcOffsetHours('5171')).toBe(8); // Kota Denpasar
    expect(utcOffsetHours('5371')).toBe(8); // Kota Kupang
    expect(utcOffsetHours('6472')).toBe(8); // Kota Samarinda
    expect(utcOffsetHours('7371')).toBe(8); // Kota Makassar
    expect(utcOffsetHours('81')).toBe(9); // Maluku
    expect(utcOffsetHours('9471')).toBe(9); // Kota Jayapura
    expect(utcOffsetHours(undefined)).toBe(7);
  });

  it('puts an instant in the month of the region where it is counted', () => {
    const at = Date.parse('2026-03-31T16:30:00Z'); // 23:30 WIB, 00:30 WITA the next day
    expect(localMonthOf(at, '3507')).toBe('2026-03');
    expect(localMonthOf(at, '7371')).toBe('2026-04');
    expect(new Date(monthStart('2026-04', '9471')).toISOString()).toBe('2026-03-31T15:00:00.000Z');
  });

  it("reads an instant's day, and when a day ends, on the region's clock", () => {
    const at = Date.parse('2026-04-14T16:30:00Z'); // 23:30 WIB, 00:30 WITA the next day
    expect(localDateOf(at, '3507')).toBe('2026-04-14');
    expect(localDateOf(at, '7371')).toBe('2026-04-15');
    // The last day of a month ends where the next month begins.
    expect(dayEnd('2026-03-31', '9471')).toBe(monthStart('2026-04', '9471'));
    expect(new Date(dayEnd('2026-04-14', '3507') as number).toISOString()).toBe('2026-04-14T17:00:00.000Z');
    expect(dayEnd('14 April', '3507')).toBeUndefined();
  });
});

describe('the periods of a request', () => {
  it('are the months from and to, both included', () => {
    expect(new Periods('2025-11', '2026-02', 'month').labels).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('are the calendar years those months fall in, by year', () => {
    const periods = new Periods('2025-11', '2026-02', 'year');
    expect(periods.labels).toEqual(['2025', '2026']);
    expect(periods.labelOfInstant(Date.parse('2026-02-10T00:00:00Z'), '3507')).toBe('2026');
    // A partly asked year covers the asked months only: March 2026 is outside.
    expect(periods.labelOfInstant(Date.parse('2026-03-10T00:00:00Z'), '3507')).toBeUndefined();
    expect(periods.labelOfInstant(Date.parse('2025-10-31T18:00:00Z'), '3507')).toBe('2025');
    // …and ends after its last asked month, on the region's clock.
    expect(new Date(periods.endOf('2026', '3507')).toISOString()).toBe('2026-02-28T17:00:00.000Z');
  });

  it('places a due day in its own month, without a clock', () => {
    const periods = new Periods('2026-01', '2026-06', 'month');
    expect(periods.labelOfDate('2026-06-30')).toBe('2026-06');
    expect(periods.labelOfDate('2026-07-01')).toBeUndefined();
    expect(periods.labelOfDate('not a day')).toBeUndefined();
  });

  it('refuses months out of order or not written YYYY-MM', () => {
    expect(() => new Periods('2026-03', '2026-01', 'month')).toThrow(RangeError);
    expect(() => new Periods('2026-3', '2026-04', 'month')).toThrow(RangeError);
    expect(() => new Periods('2026-01', '2026-13', 'month')).toThrow(RangeError);
  });
});
