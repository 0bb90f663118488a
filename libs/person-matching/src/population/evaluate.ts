import { blockingKeys, CandidateIndex, DEFAULT_CANDIDATE_LIMIT } from '../blocking';
import { nameTokens } from '../indonesian-names';
import { DEFAULT_PRIOR, EXPECTED_MATCHES_PER_PROBE, scoreMatch, type PersonDescription } from '../match-score';
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

export const SWEEP_THRESHOLDS: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.9];

const CALIBRATION_EDGES = [0, 0.001, 0.01, 0.05, 0.1, 0.2, 0.5, 0.8, 0.95, 0.99, 1];

export interface EvaluationOptions {
  threshold?: number;
  candidateLimit?: number;
  sweep?: readonly number[];
  /** A prior for every pair; by default each pair's is candidatePrior of its probe's candidates, as the service does. */
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

/** How far the probabilities are from the shares they predict, over every scored candidate pair. */
export interface CalibrationSummary {
  /** The mean squared difference between a pair's probability and its truth (0 or 1). */
  brier: number;
  /** Expected calibration error: |mean predicted − observed| of the buckets, weighted by their pairs. */
  ece: number;
  /** The same over the pairs predicted at 0.01 or more, those a threshold could propose (most pairs are near 0). */
  eceFromOnePercent: number;
  /** The sum of the probabilities, against the true pairs among the candidates: calibration in the large. */
  expectedTruePairs: number;
  truePairsAmongCandidates: number;
}

/** What Lintas alone does on a population: enough to run against many open requests. */
export interface LintasEvaluation {
  requests: number;
  found: number;
  truePairs: number;
  threshold: number;
  candidateLimit: number;
  /** The fixed prior of every pair, or undefined: each pair's candidatePrior, as the service does. */
  prior: number | undefined;
  lintas: Counts;
  /** Proposals at the threshold per person found: the review load a pickup brings. */
  proposalsPerProbe: number;
  sweep: (Counts & { threshold: number })[];
  /** The threshold of the best F1 (the lowest probability proposed at it), and its counts. */
  bestF1: Counts & { threshold: number };
  /** Lintas's probabilities over every pair it scored (the candidates of every probe). */
  calibration: CalibrationBucket[];
  calibrationSummary: CalibrationSummary;
  /** Candidates per person found, on average. */
  meanCandidates: number;
  /** Wall time over all probes, index building included. */
  millis: number;
}

export interface Evaluation extends Omit<LintasEvaluation, 'millis'> {
  baseline: Counts;
  primero: Counts;
  primeroLikely: Counts;
  /** Primero-like's best hit alone: a proposal per probe. */
  primeroBest: Counts;
  blocking: {
    /** The share of all true pairs that blocking puts among the candidates. */
    recall: number;
    /**
     * The same among the true pairs that scoreMatch puts at or above the threshold when scored
     * without blocking (at DEFAULT_PRIOR, a full candidate list's, unless a prior is fixed).
     */
    recallOfScoreable: number;
    scoreableTruePairs: number;
    meanCandidates: number;
  };
  /** Wall time of each matcher over all probes, index building included. */
  millis: { lintas: number; baseline: number; primero: number };
}

interface ScoredPair {
  key: string;
  probability: number;
}

/**
 * Lintas on every person found as a probe: blocking, then scoreMatch on each candidate with the
 * prior the service gives it (candidatePrior of the probe's candidates) unless one is fixed.
 */
export function evaluateLintas(population: Population, options: EvaluationOptions = {}): LintasEvaluation {
  return scoreLintas(population, options).evaluation;
}

function scoreLintas(population: Population, options: EvaluationOptions) {
  const threshold = options.threshold ?? PROPOSAL_THRESHOLD;
  const candidateLimit = options.candidateLimit ?? DEFAULT_CANDIDATE_LIMIT;
  const truth = new Set(population.truePairs.map(({ requestId, foundId }) => pairKey(requestId, foundId)));
  const requestsById = new Map(population.requests.map((request) => [request.id, request.sought]));

  // Every probe's candidates scored once; thresholds and calibration read the same scores.
  const started = performance.now();
  const index = new CandidateIndex();
  for (const { id, sought } of population.requests) index.add(id, blockingKeys(sought));
  const scored: ScoredPair[] = [];
  for (const { id: foundId, description } of population.found) {
    const candidates = index.candidates(blockingKeys(description), candidateLimit);
    const context = options.prior ?? { candidates: candidates.length };
    for (const { id: requestId } of candidates) {
      const sought = requestsById.get(requestId) as PersonDescription;
      scored.push({
        key: pairKey(requestId, foundId),
        probability: scoreMatch(sought, description, context).probability,
      });
    }
  }
  const millis = performance.now() - started;

  const byProbability = [...scored].sort((a, b) => b.probability - a.probability);
  const proposedAt = (at: number) => scored.filter((pair) => pair.probability >= at).map((pair) => pair.key);
  const lintas = counts(proposedAt(threshold), truth);
  const evaluation: LintasEvaluation = {
    requests: population.requests.length,
    found: population.found.length,
    truePairs: truth.size,
    threshold,
    candidateLimit,
    prior: options.prior,
    lintas,
    proposalsPerProbe: ratio(lintas.proposed, population.found.length),
    sweep: (options.sweep ?? SWEEP_THRESHOLDS).map((at) => ({ threshold: at, ...counts(proposedAt(at), truth) })),
    bestF1: bestF1(byProbability, truth),
    calibration: calibration(scored, truth),
    calibrationSummary: calibrationSummary(scored, truth),
    meanCandidates: scored.length / Math.max(1, population.found.length),
    millis,
  };
  return { evaluation, scored, truth, requestsById };
}

export function evaluate(population: Population, options: EvaluationOptions = {}): Evaluation {
  const { evaluation, scored, truth, requestsById } = scoreLintas(population, options);
  const { millis: lintasMillis, ...lintas } = evaluation;
  const foundById = new Map(population.found.map((found) => [found.id, found.description]));

  // Without blocking there is no candidate list to size the prior by: every true pair gets a full
  // list's (DEFAULT_PRIOR), so that which pairs count as scoreable does not depend on blocking.
  const scoreable = population.truePairs.filter(
    ({ requestId, foundId }) =>
      scoreMatch(
        requestsById.get(requestId) as PersonDescription,
        foundById.get(foundId) as PersonDescription,
        options.prior ?? DEFAULT_PRIOR,
      ).probability >= lintas.threshold,
  );
  const candidateKeys = new Set(scored.map((pair) => pair.key));
  const blocked = (pairs: readonly { requestId: string; foundId: string }[]) =>
    pairs.filter(({ requestId, foundId }) => candidateKeys.has(pairKey(requestId, foundId))).length;

  let started = performance.now();
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
    ...lintas,
    baseline: counts(baseline, truth),
    primero: counts(primeroAll, truth),
    primeroLikely: counts(primeroLikely, truth),
    primeroBest: counts(primeroBest, truth),
    blocking: {
      recall: ratio(blocked(population.truePairs), truth.size),
      recallOfScoreable: ratio(blocked(scoreable), scoreable.length),
      scoreableTruePairs: scoreable.length,
      meanCandidates: lintas.meanCandidates,
    },
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

function calibration(scored: readonly ScoredPair[], truth: ReadonlySet<string>): CalibrationBucket[] {
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

function calibrationSummary(scored: readonly ScoredPair[], truth: ReadonlySet<string>): CalibrationSummary {
  const buckets = calibration(scored, truth);
  const gap = (bucket: CalibrationBucket) => Math.abs(bucket.meanPredicted - bucket.observed) * bucket.pairs;
  const seen = buckets.filter((bucket) => bucket.from >= 0.01);
  let squares = 0;
  let expected = 0;
  let actual = 0;
  for (const { key, probability } of scored) {
    const outcome = truth.has(key) ? 1 : 0;
    squares += (probability - outcome) ** 2;
    expected += probability;
    actual += outcome;
  }
  return {
    brier: ratio(squares, scored.length),
    ece: ratio(
      buckets.reduce((sum, bucket) => sum + gap(bucket), 0),
      scored.length,
    ),
    eceFromOnePercent: ratio(
      seen.reduce((sum, bucket) => sum + gap(bucket), 0),
      seen.reduce((sum, bucket) => sum + bucket.pairs, 0),
    ),
    expectedTruePairs: expected,
    truePairsAmongCandidates: actual,
  };
}

/** Walks the pairs from the most probable down; recall counts against every true pair, as elsewhere. */
function bestF1(byProbability: readonly ScoredPair[], truth: ReadonlySet<string>): Counts & { threshold: number } {
  let truePositives = 0;
  let best = { f1: -1, index: -1 };
  byProbability.forEach(({ key, probability }, index) => {
    if (truth.has(key)) truePositives += 1;
    // Only where the next pair scores lower can a threshold stop.
    if (byProbability[index + 1]?.probability === probability) return;
    const precision = truePositives / (index + 1);
    const recall = ratio(truePositives, truth.size);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    if (f1 > best.f1) best = { f1, index };
  });
  const chosen = byProbability.slice(0, best.index + 1);
  return {
    threshold: chosen[chosen.length - 1]?.probability ?? 1,
    ...counts(
      chosen.map((pair) => pair.key),
      truth,
    ),
  };
}

function pairKey(requestId: string, foundId: string): string {
  return `${requestId}|${foundId}`;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

const COUNTS_HEADER =
  '| matcher | proposed | true pos. | false pos. | precision | recall | F1 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |';

function percent(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

function countsRow(label: string, c: Counts): string {
  return `| ${label} | ${c.proposed} | ${c.truePositives} | ${c.falsePositives} | ${percent(c.precision)} | ${percent(c.recall)} | ${c.f1.toFixed(3)} |`;
}

function priorText(prior: number | undefined): string {
  return prior === undefined ? `prior ${EXPECTED_MATCHES_PER_PROBE} / candidates of the probe` : `prior ${prior}`;
}

/** The evaluation as markdown tables. */
export function formatEvaluation(evaluation: Evaluation): string {
  const { blocking } = evaluation;
  return [
    `${evaluation.requests} tracing requests, ${evaluation.found} persons found, ${evaluation.truePairs} true pairs; ` +
      `threshold ${evaluation.threshold}, candidate limit ${evaluation.candidateLimit}, ${priorText(evaluation.prior)}.`,
    '',
    COUNTS_HEADER,
    countsRow(`Lintas (blocking + scoreMatch ≥ ${evaluation.threshold})`, evaluation.lintas),
    countsRow('Baseline (equal normalised name or NIK)', evaluation.baseline),
    countsRow('Primero-like (top 20, > 0.1 of best)', evaluation.primero),
    countsRow('Primero-like, `likely` only', evaluation.primeroLikely),
    countsRow('Primero-like, best hit only', evaluation.primeroBest),
    '',
    `Blocking keeps ${percent(blocking.recall)} of the true pairs, ${percent(blocking.recallOfScoreable)} of the ` +
      `${blocking.scoreableTruePairs} that score ≥ ${evaluation.threshold} without blocking; ` +
      `${blocking.meanCandidates.toFixed(1)} candidates per probe on average.`,
    '',
    ...lintasSections(evaluation),
    '',
    `Time over all probes: Lintas ${ms(evaluation.millis.lintas)}, baseline ${ms(evaluation.millis.baseline)}, ` +
      `Primero-like ${ms(evaluation.millis.primero)}.`,
  ].join('\n');
}

/** Lintas alone as markdown: against many open requests, where the other matchers are not run. */
export function formatLintasEvaluation(evaluation: LintasEvaluation): string {
  return [
    `${evaluation.requests} tracing requests, ${evaluation.found} persons found, ${evaluation.truePairs} true pairs; ` +
      `threshold ${evaluation.threshold}, candidate limit ${evaluation.candidateLimit}, ${priorText(evaluation.prior)}; ` +
      `${evaluation.meanCandidates.toFixed(1)} candidates per probe on average.`,
    '',
    COUNTS_HEADER,
    countsRow(`Lintas (blocking + scoreMatch ≥ ${evaluation.threshold})`, evaluation.lintas),
    '',
    ...lintasSections(evaluation),
    '',
    `Time over all probes: ${ms(evaluation.millis)}.`,
  ].join('\n');
}

function lintasSections(evaluation: Omit<LintasEvaluation, 'millis'>): string[] {
  const summary = evaluation.calibrationSummary;
  const best = evaluation.bestF1;
  return [
    `${evaluation.proposalsPerProbe.toFixed(2)} proposals per person found at ${evaluation.threshold}; ` +
      `the best F1, ${best.f1.toFixed(3)}, from ${best.threshold.toFixed(3)} ` +
      `(precision ${percent(best.precision)}, recall ${percent(best.recall)}).`,
    '',
    'Lintas by threshold:',
    '',
    COUNTS_HEADER.replace('matcher', 'threshold'),
    ...evaluation.sweep.map((c) => countsRow(String(c.threshold), c)),
    '',
    'Calibration of Lintas (every scored candidate pair):',
    '',
    '| predicted | pairs | true pairs | mean predicted | observed |\n| --- | ---: | ---: | ---: | ---: |',
    ...evaluation.calibration.map(
      (b) =>
        `| ${b.from}–${b.to} | ${b.pairs} | ${b.truePairs} | ${b.meanPredicted.toFixed(4)} | ${b.observed.toFixed(4)} |`,
    ),
    '',
    `Brier score ${summary.brier.toExponential(2)}; expected calibration error ${summary.ece.toExponential(2)} ` +
      `over every pair, ${summary.eceFromOnePercent.toFixed(3)} over those predicted at 0.01 or more; ` +
      `the probabilities sum to ${summary.expectedTruePairs.toFixed(0)} true pairs, ` +
      `${summary.truePairsAmongCandidates} are among the candidates.`,
  ];
}

function ms(value: number): string {
  return `${Math.round(value).toLocaleString('en')} ms`;
}
