import { withFreshDatabase } from '../../harness/databases';
import type { ResultRow } from '../../harness/result-row';
import type { BenchSettings } from '../../harness/settings';
import type { BenchContext } from '../../harness/suite';
import { openEmmett } from './emmett-subject';
import { openLintas } from './lintas-subject';
import { openRaw } from './raw-subject';
import type { EventStoreSubject, SystemName } from './subject';

/** The order the systems run in, within every round of runs. */
export const SYSTEM_NAMES: readonly SystemName[] = ['lintas', 'raw', 'emmett'];

export type Figures<T> = Record<SystemName, T>;

export function mapFigures<T, U>(figures: Figures<T>, map: (value: T, name: SystemName) => U): Figures<U> {
  return { lintas: map(figures.lintas, 'lintas'), raw: map(figures.raw, 'raw'), emmett: map(figures.emmett, 'emmett') };
}

/**
 * Opens every system on a fresh database of its own, on the same server, for `work`; closes them
 * and drops their databases afterwards. The work runs one system at a time (see interleave.ts).
 */
export async function withSubjects<T>(
  context: BenchContext,
  settings: BenchSettings,
  work: (subjects: Figures<EventStoreSubject>) => Promise<T>,
): Promise<T> {
  const admin = context.postgresAdminUrl;
  return withFreshDatabase(admin, (lintasUrl) =>
    withFreshDatabase(admin, (rawUrl) =>
      withFreshDatabase(admin, async (emmettUrl) => {
        const opened: EventStoreSubject[] = [];
        const open = async (subject: Promise<EventStoreSubject>) => {
          opened.push(await subject);
          return subject;
        };
        try {
          return await work({
            lintas: await open(openLintas(lintasUrl, settings, context.log)),
            raw: await open(openRaw(rawUrl)),
            emmett: await open(openEmmett(emmettUrl, context.log)),
          });
        } finally {
          await Promise.all(opened.map((subject) => subject.close()));
        }
      }),
    ),
  );
}

export function toRow(metric: string, unit: string, figures: Figures<number | null>): ResultRow {
  return { metric, unit, lintas: figures.lintas, raw: figures.raw, emmett: figures.emmett };
}
