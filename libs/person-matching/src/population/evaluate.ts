import { blockingKeys, CandidateIndex, DEFAULT_CANDIDATE_LIMIT } from '../blocking';
import { nameTokens } from '../indonesian-names';
import { DEFAULT_PRIOR, scoreMatch, type PersonDescription } from '../match-score';
import type { Population } from './generate';
import { PrimeroLikeIndex } from './primero-like';

/**
 * How well three matchers find the truth of a generated population. Every person found is a probe
 * against the open tracing requests, as the service scores a new pickup (a new request against the
 * persons found uses the same keys and the same score, so it proposes the same pairs):
 *
 * - **Lintas**: the blocking keys and CandidateIndex (blocking.ts), then scoreMatch on each
 *   candidate; a pair is proposed at a probability of at least the threshold.
 * - **Baseline**: a request is proposed when one of its names equals one of the probe's once both
 *   are normalised (nameTokens: lower case, honorifics gone, old spelling read as today's), or when
 *   their NIKs are equal. No ranking, no limit.
 * - **Primero-like**: Solr full text with Primero's fixed boosts, the top 20 relative to the best
 *   (primero-like.ts); every hit it shows is a proposal, and `likely` is its stronger label.
 *
 * A proposal is right when it is one of the population's true pairs; recall is over all true pairs.
 */

/** The tracing matcher's proposal threshold (intake's tracing-request.config.ts), which a lib cannot import. */
export const PROPOSAL_THRESHOLD = 0.1;

export const SWEEP_THRESHOLDS: readonly number[] = [0.01, 0.05, 0.1, 0.2, 0.5, 0.9];

const CALIBRATION_EDGES = [0, 0.001, 0.01, 0.05, 0.1, 0.2, 0.5, 0.8, 0.95, 0.99, 1];

export interface EvaluationOptions {
  threshold?: number;
  candidateLimit?: number;
  sweep?: readonly number[];
  prior?: number;
}

export interface Counts {
  proposed: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CalibrationBucket {
  /** Predicted probability from (included) … to (excluded; the last bucket includes 1). */
  from: number;
  to: number;
  pairs: number;
  truePairs: number;
  meanPredicted: number;
  /** The share of its pairs that are true: what the mean predicted probability should be. */
  observed: number;
}

export interface Evaluation {
  requests: number;
  found: number;
  truePairs: number;
  threshold: number;
  candidateLimit: number;
  prior: number;
  lintas: Counts;
  baseline: Counts;
  primero: Counts;
  primeroLikely: Counts;
  /** Primero-like's best hit alone: a proposal per probe. */
  primeroBest: Counts;
  blocking: {
    /** The share of all true pairs that blocking puts among the candidates. */
    recall: number;
    /** The same among the true pairs that scoreMatch puts at or above the threshold when scored without blocking. */
    recallOfScoreable: number;
    scoreableTruePairs: number;
    meanCandidates: number;
  };
  sweep: (Counts & { threshold: number })[];
  /** Lintas's probabilities over every pair it scored (the candidates of every probe). */
  calibration: CalibrationBucket[];
  /** Wall time of each matcher over all probes, index building included. */
  millis: { lintas: number; baseline: number; primero: number };
}

export function evaluate(population: Population, options: EvaluationOptions = {}): Evaluation {
  const threshold = options.threshold ?? PROPOSAL_THRESHOLD;
  const candidateLimit = options.candidateLimit ?? DEFAULT_CANDIDATE_LIMIT;
  const prior = options.prior ?? DEFAULT_PRIOR;
  const sweepThresholds = options.sweep ?? SWEEP_THRESHOLDS;
  const truth = new Set(population.truePairs.map(({ requestId, foundId }) => pairKey(requestId, foundId)));
  const requestsById = new Map(population.requests.map((request) => [request.id, request.sought]));
  const foundById = new Map(population.found.map((found) => [found.id, found.description]));

  // Lintas: every probe's candidates scored once; thresholds and calibration read the same scores.
  let started = performance.now();
  const index = new CandidateIndex();
  for (const { id, sought } of population.requests) index.add(id, blockingKeys(sought));
  const scored: { key: string; probability: number }[] = [];
  for (const { id: foundId, description } of population.found) {
    for (const { id: requestId } of index.candidates(blockingKeys(description), candidateLimit)) {
      const sought = requestsById.get(requestId) as PersonDescription;
      scored.push({
        key: pairKey(requestId, foundId),
        probability: scoreMatch(sought, description, prior).probability,
      });
    }
  }
  const lintasMillis = performance.now() - started;
  const proposedAt = (at: number) => scored.filter((pair) => pair.probability >= at).map((pair) => pair.key);

  const scoreable = population.truePairs.filter(
    ({ requestId, foundId }) =>
      scoreMatch(requestsById.get(requestId) as PersonDescription, foundById.get(foundId) as PersonDescription, prior)
        .probability >= threshold,
  );
  const candidateKeys = new Set(scored.map((pair) => pair.key));
  const blocked = (pairs: readonly { requestId: string; foundId: string }[]) =>
    pairs.filter(({ requestId, foundId }) => candidateKeys.has(pairKey(requestId, foundId))).length;

  started = performance.now();
  const baseline = baselineProposals(population);
  const baselineMillis = performance.now() - started;

  started = performance.now();
  const primeroIndex = new PrimeroLikeIndex(population.requests.map(({ id, sought }) => ({ id, description: sought })));
  const primeroAll: string[] = [];
  const primeroLikely: string[] = [];
  const primeroBest: string[] = [];
  for (const { id: foundId, description } of population.found) {
    const hits = primeroIndex.search(description);
    for (const hit of hits) {
      primeroAll.push(pairKey(hit.id, foundId));
      if (hit.likelihood === 'likely') primeroLikely.push(pairKey(hit.id, foundId));
    }
    if (hits[0]) primeroBest.push(pairKey(hits[0].id, foundId));
  }
  const primeroMillis = performance.now() - started;

  return {
    requests: population.requests.length,
    found: population.found.length,
    truePairs: truth.size,
    threshold,
    candidateLimit,
    prior,
    lintas: counts(proposedAt(threshold), truth),
    baseline: counts(baseline, truth),
    primero: counts(primeroAll, truth),
    primeroLikely: counts(primeroLikely, truth),
    primeroBest: counts(primeroBest, truth),
    blocking: {
      recall: ratio(blocked(population.truePairs), truth.size),
      recallOfScoreable: ratio(blocked(scoreable), scoreable.length),
      scoreableTruePairs: scoreable.length,
      meanCandidates: scored.length / Math.max(1, population.found.length),
    },
    sweep: sweepThresholds.map((at) => ({ threshold: at, ...counts(proposedAt(at), truth) })),
    calibration: calibration(scored, truth),
    millis: { lintas: lintasMillis, baseline: baselineMillis, primero: primeroMillis },
  };
}

/**
 * Where each true pair's request ranks among its probe's candidates, for several limits at once:
 * the share of true pairs each limit keeps. For populations too large to score in full (100,000
 * open requests), where namesakes crowd the limit.
 */
export function blockingRecallByLimit(population: Population, limits: readonly number[]): Map<number, number> {
  const largest = Math.max(...limits);
  const index = new CandidateIndex();
  for (const { id, sought } of population.requests) index.add(id, blockingKeys(sought));
  const sought = new Map<string, string[]>();
  for (const { requestId, foundId } of population.truePairs) {
    sought.set(foundId, [...(sought.get(foundId) ?? []), requestId]);
  }
  const ranks: number[] = [];
  for (const { id, description } of population.found) {
    const wanted = sought.get(id);
    if (!wanted) continue;
    const candidates = index.candidates(blockingKeys(description), largest).map((candidate) => candidate.id);
    for (const requestId of wanted) {
      const rank = candidates.indexOf(requestId);
      ranks.push(rank < 0 ? Infinity : rank);
    }
  }
  return new Map(limits.map((limit) => [limit, ratio(ranks.filter((rank) => rank < limit).length, ranks.length)]));
}

function baselineProposals(population: Population): string[] {
  const normalised = (name: string) => nameTokens(name).join(' ');
  const byName = new Map<string, string[]>();
  const byNik = new Map<string, string[]>();
  const file = (map: Map<string, string[]>, key: string, id: string) => map.set(key, [...(map.get(key) ?? []), id]);
  for (const { id, sought } of population.requests) {
    for (const name of new Set(sought.names.map(normalised))) if (name !== '') file(byName, name, id);
    if (sought.nik) file(byNik, sought.nik, id);
  }
  return population.found.flatMap(({ id: foundId, description }) => {
    const hits = new Set([
      ...description.names.map(normalised).flatMap((name) => (name === '' ? [] : (byName.get(name) ?? []))),
      ...(description.nik ? (byNik.get(description.nik) ?? []) : []),
    ]);
    return [...hits].map((requestId) => pairKey(requestId, foundId));
  });
}

function counts(proposed: readonly string[], truth: ReadonlySet<string>): Counts {
  const unique = new Set(proposed);
  const truePositives = [...unique].filter((key) => truth.has(key)).length;
  const precision = ratio(truePositives, unique.size);
  const recall = ratio(truePositives, truth.size);
  return {
    proposed: unique.size,
    truePositives,
    falsePositives: unique.size - truePositives,
    falseNegatives: truth.size - truePositives,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

function calibration(scored: readonly { key: string; probability: number }[], truth: ReadonlySet<string>) {
  const buckets = CALIBRATION_EDGES.slice(0, -1).map((from, i) => ({
    from,
    to: CALIBRATION_EDGES[i + 1] ?? 1,
    pairs: 0,
    truePairs: 0,
    sum: 0,
  }));
  for (const { key, probability } of scored) {
    const bucket = buckets.find((b) => probability < b.to) ?? buckets[buckets.length - 1];
    if (!bucket) continue;
    bucket.pairs += 1;
    bucket.sum += probability;
    if (truth.has(key)) bucket.truePairs += 1;
  }
  return buckets.map(({ from, to, pairs, truePairs, sum }): CalibrationBucket => ({
    from,
    to,
    pairs,
    truePairs,
    meanPredicted: ratio(sum, pairs),
    observed: ratio(truePairs, pairs),
  }));
}

function pairKey(requestId: string, foundId: string): string {
  return `${requestId}|${foundId}`;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** The evaluation as markdown tables. */
export function formatEvaluation(evaluation: Evaluation): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
  const row = (label: string, c: Counts) =>
    `| ${label} | ${c.proposed} | ${c.truePositives} | ${c.falsePositives} | ${percent(c.precision)} | ${percent(c.recall)} | ${c.f1.toFixed(3)} |`;
  const header =
    '| matcher | proposed | true pos. | false pos. | precision | recall | F1 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |';
  const { blocking } = evaluation;
  return [
    `${evaluation.requests} tracing requests, ${evaluation.found} persons found, ${evaluation.truePairs} true pairs; ` +
      `threshold ${evaluation.threshold}, candidate limit ${evaluation.candidateLimit}, prior ${evaluation.prior}.`,
    '',
    header,
    row(`Lintas (blocking + scoreMatch ≥ ${evaluation.threshold})`, evaluation.lintas),
    row('Baseline (equal normalised name or NIK)', evaluation.baseline),
    row('Primero-like (top 20, > 0.1 of best)', evaluation.primero),
    row('Primero-like, `likely` only', evaluation.primeroLikely),
    row('Primero-like, best hit only', evaluation.primeroBest),
    '',
    `Blocking keeps ${percent(blocking.recall)} of the true pairs, ${percent(blocking.recallOfScoreable)} of the ` +
      `${blocking.scoreableTruePairs} that score ≥ ${evaluation.threshold} without blocking; ` +
      `${blocking.meanCandidates.toFixed(1)} candidates per probe on average.`,
    '',
    'Lintas by threshold:',
    '',
    header.replace('matcher', 'threshold'),
    ...evaluation.sweep.map((c) => row(String(c.threshold), c)),
    '',
    'Calibration of Lintas (every scored candidate pair):',
    '',
    '| predicted | pairs | true pairs | mean predicted | observed |\n| --- | ---: | ---: | ---: | ---: |',
    ...evaluation.calibration.map(
      (b) =>
        `| ${b.from}–${b.to} | ${b.pairs} | ${b.truePairs} | ${b.meanPredicted.toFixed(4)} | ${b.observed.toFixed(4)} |`,
    ),
    '',
    `Time over all probes: Lintas ${ms(evaluation.millis.lintas)}, baseline ${ms(evaluation.millis.baseline)}, ` +
      `Primero-like ${ms(evaluation.millis.primero)}.`,
  ].join('\n');
}

function ms(value: number): string {
  return `${Math.round(value).toLocaleString('en')} ms`;
}
