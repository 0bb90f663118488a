/**
 * Measures the tracing matcher on a generated population with a known truth (issue 19): Lintas
 * (blocking + scoreMatch) beside a plain baseline (equal name or NIK) and a Primero-like scorer,
 * then how many true pairs blocking keeps when 100,000 requests are open. Prints markdown.
 *
 *   npx tsx scripts/evaluate-matching.ts                        the default population (seed in generate.ts)
 *   npx tsx scripts/evaluate-matching.ts --seed 7 --requests 2000 --found 2000 --threshold 0.2
 *   npx tsx scripts/evaluate-matching.ts --no-scale             without the 100,000-request blocking rows
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CANDIDATE_LIMIT } from '@lintas/person-matching/blocking';
import { DEFAULT_POPULATION_OPTIONS, generatePopulation } from '@lintas/person-matching/population/generate';
import {
  blockingRecallByLimit,
  evaluate,
  formatEvaluation,
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
  const evaluation = evaluate(population, {
    threshold: number(values.threshold, PROPOSAL_THRESHOLD),
    candidateLimit: number(values.limit, DEFAULT_CANDIDATE_LIMIT),
    ...(values.prior === undefined ? {} : { prior: Number(values.prior) }),
  });
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
  }
  lines.push('', `(${((performance.now() - started) / 1_000).toFixed(1)} s)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
