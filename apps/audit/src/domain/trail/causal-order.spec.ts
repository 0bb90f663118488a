import { causalOrder, type CausalStep } from './causal-order';

const step = (
  eventId: string,
  occurredAt: string,
  ledgerOrder: number,
  causationId: string | null = null,
): CausalStep => ({
  eventId,
  causationId,
  occurredAt,
  ledgerOrder,
});

describe('a trail in causal order', () => {
  it('puts an effect after its cause even when it happened or arrived earlier', () => {
    const cause = step('assessment', '2026-12-01T10:00:00Z', 2);
    const effect = step('referral', '2026-12-01T09:59:59Z', 1, 'assessment');
    expect(causalOrder([effect, cause]).map((s) => s.eventId)).toEqual(['assessment', 'referral']);
  });

  it('orders unrelated steps by time, then by arrival', () => {
    const steps = [
      step('b', '2026-12-01T10:00:00Z', 3),
      step('a', '2026-12-01T09:00:00Z', 5),
      step('c', '2026-12-01T10:00:00Z', 1),
    ];
    expect(causalOrder(steps).map((s) => s.eventId)).toEqual(['a', 'c', 'b']);
  });

  it('follows a chain of causes across services', () => {
    const steps = [
      step('discharged', '2026-12-03T00:00:00Z', 1, 'admitted'),
      step('admitted', '2026-12-02T00:00:00Z', 2, 'referred'),
      step('referred', '2026-12-04T00:00:00Z', 3),
    ];
    expect(causalOrder(steps).map((s) => s.eventId)).toEqual(['referred', 'admitted', 'discharged']);
  });

  it('does not hold a step back for a cause outside the trail', () => {
    expect(causalOrder([step('x', '2026-12-01T00:00:00Z', 1, 'elsewhere')]).map((s) => s.eventId)).toEqual(['x']);
  });

  it('places a read of the person’s data (an access record, caused by nothing) by its time among the chain', () => {
    const steps = [
      step('admitted', '2026-12-02T00:00:00Z', 3, 'referred'),
      step('read', '2026-12-01T12:00:00Z', 1),
      step('referred', '2026-12-01T00:00:00Z', 2),
    ];
    expect(causalOrder(steps).map((s) => s.eventId)).toEqual(['referred', 'read', 'admitted']);
  });
});
