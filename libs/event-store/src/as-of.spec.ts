import type { RecordedEvent } from './events/event-types';
import { historyAsOf, parseAsOf } from './as-of';

const event = (n: number, recordedAt: string): RecordedEvent =>
  ({
    id: `e-${n}`,
    streamId: 's',
    streamVersion: n,
    type: 'Something',
    data: {},
    metadata: { recordedAt } as RecordedEvent['metadata'],
    position: { transactionId: BigInt(100 + n), sequence: 0n },
  }) as RecordedEvent;

const history = [
  event(1, '2026-12-01T01:00:00.000Z'),
  event(2, '2026-12-02T01:00:00.000Z'),
  event(3, '2026-12-03T01:00:00.000Z'),
];

describe('a history as of a point in the past', () => {
  it('keeps what had been recorded by a time, in any offset', () => {
    const asOf = parseAsOf('2026-12-02T08:00:00+07:00');
    expect(asOf && historyAsOf(history, asOf).map((e) => e.id)).toEqual(['e-1', 'e-2']);
  });

  it('keeps what lies at or before a position', () => {
    const asOf = parseAsOf('101.0');
    expect(asOf && historyAsOf(history, asOf).map((e) => e.id)).toEqual(['e-1']);
  });

  it('refuses what is neither a time nor a position', () => {
    expect(parseAsOf('yesterday')).toBeUndefined();
    expect(parseAsOf('2026-13-45T00:00:00Z')).toBeUndefined();
    expect(parseAsOf('12')).toBeUndefined();
  });
});
