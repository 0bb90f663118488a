/** The stage of the journey a step belongs to, by the service that published it (docs/domain.md, "The journey"). */
export type Stage = 'intake' | 'treatment' | 'rehabilitation' | 'reunification' | 'other';

const STAGES: Readonly<Record<string, Stage>> = {
  '/lintas/intake': 'intake',
  '/lintas/health-liaison': 'treatment',
  '/lintas/rehabilitation': 'rehabilitation',
  '/lintas/family-reunification': 'reunification',
};

export function stageOf(source: string): Stage {
  return STAGES[source] ?? 'other';
}
