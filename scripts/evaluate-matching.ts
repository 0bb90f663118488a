/**
 * Measures the tracing matcher on a generated population with a known truth (issue 19): Lintas
 * (blocking + scoreMatch) beside a plain baseline (equal name or NIK) and a Primero-like scorer,
 * then how many true pairs blocking keeps when 100,000 requests are open. Prints markdown.
 *
 *   npx tsx scripts/evaluate-matching.ts                        the default population (seed in generate.ts)
 *   npx tsx scripts/evaluate-matching.ts --seed 7 --requests 2000 --found 2000 --threshold 0.2
 *   npx tsx scripts/evaluate-matching.ts --no-scale             without the 100,000-request blocking rows
 *   npx tsx scripts/evaluate-matching.ts --scale-score          and Lintas scored against the 100,000 (half a minute more)
 *   npx tsx scripts/evaluate-matching.ts --estimate-u --seed 0x192027 --requests 20000
 *                                                               the u of each level among the candidate pairs, as
 *                                                               match-score.ts's were estimated (no truth read), then exits
 */
import { parseArgs } from 'node:util';
import { blockingKeys, CandidateIndex, DEFAULT_CANDIDATE_LIMIT } from '@lintas/person-matching/blocking';
import { estimateU, type PersonDescription } from '@lintas/person-matching/match-score';
import {
  DEFAULT_POPULATION_OPTIONS,
  generatePopulation,
  type Population,
} from '@lintas/person-matching/population/generate';
import {
  blockingRecallByLimit,
  evaluate,
  evaluateLintas,
  formatEvaluation,
  formatLintasEvaluation,
  PROPOSAL_THRESHOLD,
} from '@lintas/person-matching/population/evaluate';

const SCALE_REQUESTS = 100_000;
const SCALE_LIMITS = [100, DEFAULT_CANDIDATE_LIMIT, 500, 1_000];

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      requests: { type: 'string' },
      found: { type: 'string' },
      threshold: { type: 'string' },
      limit: { type: 'string' },
      prior: { type: 'string' },
      'no-scale': { type: 'boolean', default: false },
      'scale-score': { type: 'boolean', default: false },
      'estimate-u': { type: 'boolean', default: false },
    },
  });
  const number = (text: string | undefined, fallback: number) => (text === undefined ? fallback : Number(text));
  const options = {
    seed: number(values.seed, DEFAULT_POPULATION_OPTIONS.seed),
    requests: number(values.requests, DEFAULT_POPULATION_OPTIONS.requests),
    found: number(values.found, DEFAULT_POPULATION_OPTIONS.found),
  };
  const started = performance.now();
  const population = generatePopulation(options);
  const candidateLimit = number(values.limit, DEFAULT_CANDIDATE_LIMIT);
  if (values['estimate-u']) {
    process.stdout.write(`${JSON.stringify(estimateU(candidatePairs(population, candidateLimit)), null, 2)}\n`);
    return;
  }
  const evaluationOptions = {
    threshold: number(values.threshold, PROPOSAL_THRESHOLD),
    candidateLimit,
    ...(values.prior === undefined ? {} : { prior: Number(values.prior) }),
  };
  const evaluation = evaluate(population, evaluationOptions);
  const lines = [
    `## Tracing matcher on a generated population (seed 0x${options.seed.toString(16)})`,
    '',
    formatEvaluation(evaluation),
  ];
  if (!values['no-scale']) {
    // The same share of sought persons among those found, against many more open requests.
    const large = generatePopulation({ ...options, requests: SCALE_REQUESTS });
    const recall = blockingRecallByLimit(large, SCALE_LIMITS);
    lines.push(
      '',
      `Blocking with ${SCALE_REQUESTS.toLocaleString('en')} open requests (${large.truePairs.length} true pairs): ` +
        'share of true pairs among the candidates, by limit:',
      '',
      `| limit | ${SCALE_LIMITS.join(' | ')} |`,
      `| --- | ${SCALE_LIMITS.map(() => '---:').join(' | ')} |`,
      `| recall | ${SCALE_LIMITS.map((limit) => `${((recall.get(limit) ?? 0) * 100).toFixed(1)} %`).join(' | ')} |`,
    );
    if (values['scale-score']) {
      lines.push('', `### Lintas against ${SCALE_REQUESTS.toLocaleString('en')} open requests`, '');
      lines.push(formatLintasEvaluation(evaluateLintas(large, evaluationOptions)));
    }
  }
  lines.push('', `(${((performance.now() - started) / 1_000).toFixed(1)} s)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Every person found against its candidates among the requests, as the service scores them: no truth read. */
function* candidatePairs(population: Population, limit: number): Generator<[PersonDescription, PersonDescription]> {
  const index = new CandidateIndex();
  const requests = new Map(population.requests.map(({ id, sought }) => [id, sought]));
  for (const [id, sought] of requests) index.add(id, blockingKeys(sought));
  for (const { description } of population.found) {
    for (const { id } of index.candidates(blockingKeys(description), limit)) {
      yield [requests.get(id) as PersonDescription, description];
    }
  }
}

main();
