/**
 * Records that intake linked as one person (`PersonsLinked`, directly or through others), so that
 * counts are of persons, not records (docs/domain.md, "Indicators"): each group answers to one key,
 * the smallest of its ids, whatever order the links came in.
 */
export class PersonGroups {
  private readonly parent = new Map<string, string>();

  constructor(links: Iterable<readonly [string, string]> = []) {
    for (const [a, b] of links) this.link(a, b);
  }

  link(a: string, b: string): void {
    const rootA = this.keyOf(a);
    const rootB = this.keyOf(b);
    if (rootA === rootB) return;
    if (rootA < rootB) this.parent.set(rootB, rootA);
    else this.parent.set(rootA, rootB);
  }

  /** The group's key: the same for every record of one person. */
  keyOf(personId: string): string {
    let root = personId;
    for (let up = this.parent.get(root); up !== undefined; up = this.parent.get(root)) root = up;
    // Path compression: the next look-up of any record on the way is one step.
    for (let at = personId; at !== root;) {
      const up = this.parent.get(at) as string;
      this.parent.set(at, root);
      at = up;
    }
    return root;
  }
}
