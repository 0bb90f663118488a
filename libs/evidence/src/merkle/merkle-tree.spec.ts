import { referenceMth } from '../../test/rfc9162-reference';
import { sampleLeaves } from '../../test/in-memory-tree';
import { EMPTY_ROOT, leafHash, nodeHash } from './merkle-hash';
import { MerkleFrontier, rootOf } from './merkle-tree';

const leaves = sampleLeaves(100);
const [a, b, c, d, e, f, g] = leaves as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];

describe('rootOf', () => {
  it('gives the roots of small trees as worked out by hand', () => {
    expect(rootOf([])).toEqual(EMPTY_ROOT);
    expect(rootOf([a])).toEqual(a);
    expect(rootOf([a, b])).toEqual(nodeHash(a, b));
    // Three leaves split at 2: the third stands alone on the right.
    expect(rootOf([a, b, c])).toEqual(nodeHash(nodeHash(a, b), c));
    expect(rootOf([a, b, c, d])).toEqual(nodeHash(nodeHash(a, b), nodeHash(c, d)));
    expect(rootOf([a, b, c, d, e])).toEqual(nodeHash(nodeHash(nodeHash(a, b), nodeHash(c, d)), e));
    // Seven split at 4, the right three at 2.
    expect(rootOf([a, b, c, d, e, f, g])).toEqual(
      nodeHash(nodeHash(nodeHash(a, b), nodeHash(c, d)), nodeHash(nodeHash(e, f), g)),
    );
  });

  it('agrees with the RFC 6962 reference test vectors', () => {
    const inputs = [
      '',
      '00',
      '10',
      '2021',
      '3031',
      '40414243',
      '5051525354555657',
      '606162636465666768696a6b6c6d6e6f',
    ].map((hex) => leafHash(Buffer.from(hex, 'hex')));
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    roots.forEach((root, i) => expect(rootOf(inputs.slice(0, i + 1)).toString('hex')).toBe(root));
  });

  it('equals the recursive definition for every size up to 100', () => {
    for (let size = 0; size <= 100; size += 1) {
      expect(rootOf(leaves.slice(0, size))).toEqual(referenceMth(leaves.slice(0, size)));
    }
  });
});

describe('MerkleFrontier', () => {
  it('states the same root as rootOf at every size up to 100', () => {
    const frontier = MerkleFrontier.empty();
    expect(frontier.size).toBe(0);
    expect(frontier.root()).toEqual(EMPTY_ROOT);
    leaves.forEach((leaf, index) => {
      frontier.append(leaf);
      expect(frontier.size).toBe(index + 1);
      expect(frontier.root()).toEqual(rootOf(leaves.slice(0, index + 1)));
    });
  });

  it('hands out each perfect subtree once, when its last leaf arrives, with its MTH', () => {
    const frontier = MerkleFrontier.empty();
    const seen = new Set<string>();
    leaves.forEach((leaf, position) => {
      const completed = frontier.append(leaf);
      expect(completed[0]).toEqual({ level: 0, index: position, hash: leaf });
      for (const node of completed) {
        const width = 2 ** node.level;
        // Its last leaf is the one just appended, and it holds exactly its leaves.
        expect((node.index + 1) * width).toBe(position + 1);
        expect(node.hash).toEqual(referenceMth(leaves.slice(node.index * width, (node.index + 1) * width)));
        const key = `${node.level}:${node.index}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
      // The number completed is one more than the trailing one bits of the old size.
      expect(completed).toHaveLength(1 + trailingOnes(position));
    });
    // 100 leaves, 50 pairs, 25 of four, 12 of eight, 6, 3, 1: every perfect subtree of the tree.
    expect(seen.size).toBe(100 + 50 + 25 + 12 + 6 + 3 + 1);
  });

  it('survives JSON and goes on growing the same tree', () => {
    for (const cut of [0, 1, 2, 3, 7, 8, 13, 64, 99]) {
      const frontier = MerkleFrontier.empty();
      leaves.slice(0, cut).forEach((leaf) => frontier.append(leaf));
      const json = JSON.parse(JSON.stringify(frontier)) as ReturnType<MerkleFrontier['toJSON']>;
      expect(json.size).toBe(cut);
      const restored = MerkleFrontier.fromJSON(json);
      expect(restored.root()).toEqual(frontier.root());
      for (const leaf of leaves.slice(cut)) expect(restored.append(leaf)).toEqual(frontier.append(leaf));
      expect(restored.root()).toEqual(rootOf(leaves));
    }
  });

  it('refuses a frontier whose hashes do not fit its size', () => {
    const json = MerkleFrontier.empty().toJSON();
    expect(() => MerkleFrontier.fromJSON({ size: 3, hashes: json.hashes })).toThrow('holds 2 hashes');
    const hash = a.toString('base64');
    expect(() => MerkleFrontier.fromJSON({ size: 1, hashes: [hash.replace(/=$/, '')] })).toThrow('not a base64');
    expect(() => MerkleFrontier.fromJSON({ size: -1, hashes: [] })).toThrow('whole number');
    expect(() => MerkleFrontier.empty().append(Buffer.alloc(31))).toThrow('32 bytes');
  });
});

function trailingOnes(n: number): number {
  let count = 0;
  for (let rest = n; rest % 2 === 1; rest = (rest - 1) / 2) count += 1;
  return count;
}
