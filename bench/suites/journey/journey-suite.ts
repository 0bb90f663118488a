import { randomBytes } from 'node:crypto';
import { AGENCIES } from '../../../libs/testing/src/journey/journey-world';
import { nikFor, PersonJourney } from '../../../libs/testing/src/journey/person-journey';
import { RunningLintas } from '../../../libs/testing/src/journey/running-lintas';
import { withFreshDatabase } from '../../harness/databases';
import type { ResultRow } from '../../harness/result-row';
import type { BenchContext, BenchSuite } from '../../harness/suite';

/** Persons through the main path together: as many as a province's offices might work on at once. */
const PERSONS = Number(process.env.BENCH_JOURNEY_PERSONS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_JOURNEY_CONCURRENCY ?? 50);

/**
 * The whole product at once: 200 persons from pickup to closure over HTTP, the four services as
 * separate built processes on Kafka and PostgreSQL (`npm run bench` builds them first). No raw
 * ceiling or Emmett equivalent exists for a multi-service journey, so those columns are empty.
 */
export const journeySuite: BenchSuite = {
  name: 'journey',
  async run(context: BenchContext): Promise<ResultRow[]> {
    const perMinute = await withFreshDatabase(context.postgresAdminUrl, async (databaseUrl) => {
      const lintas = await RunningLintas.start({
        databaseUrl,
        kafkaBrokers: context.kafkaBrokers,
        topicPrefix: `bench${randomBytes(3).toString('hex')}.`,
      });
      try {
        const panti = lintas.world.rehabilitation('pantiKediri');
        await panti.post(`/pantis/${AGENCIES.pantiKediri.agencyId}/capacity`, { beds: PERSONS * 2 });
        await walk(lintas, 10, 0); // warm-up: connections, JIT, topic metadata
        const started = performance.now();
        await walk(lintas, PERSONS, 10);
        const minutes = (performance.now() - started) / 60_000;
        context.log(`journey: ${PERSONS} persons, ${CONCURRENCY} at a time, in ${(minutes * 60).toFixed(1)} s`);
        return PERSONS / minutes;
      } finally {
        await lintas.stop();
      }
    });
    return [{ metric: 'journey main path', unit: 'persons/min', lintas: perMinute, raw: null, emmett: null }];
  },
};

async function walk(lintas: RunningLintas, persons: number, offset: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < persons) {
      const n = offset + next++;
      await new PersonJourney(lintas.world, { handOverTimeoutMs: 120_000 }).mainPath({
        name: `Bench ${n}`,
        birthDate: '1980-01-01',
        nik: nikFor('1980-01-01', n),
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, persons) }, worker));
}
