/** Where the entries of a bundle depart from the list its statement signs. */
export interface OrderFindings {
  /** Entries whose index the statement does not list, or lists once but the bundle carries twice. */
  unexpected: { position: number; index: number; twice: boolean }[];
  /** Indices the statement lists that no entry carries. */
  missing: number[];
  /** Entries in the wrong place: the fewest that, moved, would put the rest in the statement's order. */
  outOfOrder: { position: number; index: number }[];
}

/**
 * Holds the entries' indices (by their position in the bundle) against the statement's list.
 * Out of order are the entries off a longest run that keeps the statement's order: one entry moved
 * elsewhere is then one finding, not every entry it shifted.
 */
export function compareOrder(
  statementIndices: readonly number[],
  entries: readonly { position: number; index: number }[],
): OrderFindings {
  const rank = new Map(statementIndices.map((index, position) => [index, position]));
  const findings: OrderFindings = { unexpected: [], missing: [], outOfOrder: [] };
  const seen = new Set<number>();
  const listed: { position: number; index: number; rank: number }[] = [];
  for (const { position, index } of entries) {
    const expected = rank.get(index);
    if (expected === undefined || seen.has(index)) {
      findings.unexpected.push({ position, index, twice: expected !== undefined });
      continue;
    }
    seen.add(index);
    listed.push({ position, index, rank: expected });
  }
  findings.missing = statementIndices.filter((index) => !seen.has(index));
  const kept = new Set(longestIncreasingRun(listed.map((entry) => entry.rank)));
  findings.outOfOrder = listed.filter((_, i) => !kept.has(i)).map(({ position, index }) => ({ position, index }));
  return findings;
}

/** Positions (in `values`) of one longest strictly increasing subsequence: patience sorting, O(n log n). */
function longestIncreasingRun(values: readonly number[]): number[] {
  // tails[k]: the position of the smallest value that ends an increasing run of length k + 1.
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, position) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]] < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[position] = tails[low - 1];
    tails[low] = position;
  });
  const run: number[] = [];
  for (let position = tails[tails.length - 1] ?? -1; position !== -1; position = previous[position]) {
    run.push(position);
  }
  return run.reverse();
}
