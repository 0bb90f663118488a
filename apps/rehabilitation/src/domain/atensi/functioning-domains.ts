/**
 * The domains of social functioning (keberfungsian sosial) a progress review scores, as versioned
 * data. The sources name the outcome but no instrument, so this list and the 1–5 scale are the
 * project's assumption [A], to be replaced by the panti's own instrument when users name one.
 * The domains are the ones a review suggests; the scale is the one it enforces.
 */
export interface FunctioningInstrument {
  version: string;
  domains: readonly string[];
  minScore: number;
  maxScore: number;
}

export const FUNCTIONING_LINTAS_1: FunctioningInstrument = {
  version: 'lintas-1',
  domains: [
    'self-care',
    'daily-activities',
    'communication',
    'social-relations',
    'emotional-regulation',
    'work-skills',
    'community-participation',
  ],
  minScore: 1,
  maxScore: 5,
};

export const FUNCTIONING_INSTRUMENTS: Readonly<Record<string, FunctioningInstrument>> = {
  [FUNCTIONING_LINTAS_1.version]: FUNCTIONING_LINTAS_1,
};

export const CURRENT_FUNCTIONING_VERSION = FUNCTIONING_LINTAS_1.version;

export function functioningInstrument(version: string): FunctioningInstrument | undefined {
  return Object.hasOwn(FUNCTIONING_INSTRUMENTS, version) ? FUNCTIONING_INSTRUMENTS[version] : undefined;
}
