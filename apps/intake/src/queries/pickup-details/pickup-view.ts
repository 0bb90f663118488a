import type { PersonHandedOverToDinasSosial, PickupEvent, PickupReported } from '../../domain/pickup/pickup.events';

export type PickupReportView = PickupReported['data'];
export type PickupHandedOver = PersonHandedOverToDinasSosial['data'];

export function pickupView(
  events: readonly PickupEvent[],
): { report: PickupReportView; handOver: PickupHandedOver | null } | undefined {
  const report = events.find((e): e is PickupReported => e.type === 'PickupReported');
  const handOver = events.find((e): e is PersonHandedOverToDinasSosial => e.type === 'PersonHandedOverToDinasSosial');
  return report && { report: report.data, handOver: handOver?.data ?? null };
}
