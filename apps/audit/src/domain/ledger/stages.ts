import { isAccessRecord } from './access-records';

/**
 * The stage of the journey a step belongs to, by the service that published it (docs/domain.md,
 * "The journey"); `access` for a read of the person's data (or one refused), which is no stage of
 * the journey but a look at it.
 */
export type Stage = 'intake' | 'treatment' | 'rehabilitation' | 'reunification' | 'access' | 'other';

/** Every stage, as the trail names them. */
export const STAGES: readonly Stage[] = ['intake', 'treatment', 'rehabilitation', 'reunification', 'access', 'other'];

const BY_SOURCE: Readonly<Record<string, Stage>> = {
  '/lintas/intake': 'intake',
  '/lintas/health-liaison': 'treatment',
  '/lintas/rehabilitation': 'rehabilitation',
  '/lintas/family-reunification': 'reunification',
};

export function stageOf(source: string, type = ''): Stage {
  if (isAccessRecord(type)) return 'access';
  // Intake holds tracing requests beside the persons found, but a family's search is the return's.
  if (type.includes('.tracing-')) return 'reunification';
  return BY_SOURCE[source] ?? 'other';
}
