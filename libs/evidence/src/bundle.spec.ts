import { generateKeyPairSync, sign } from 'node:crypto';
import { bundleEntryAt, exportPersonBundle, LINKED, PERSON, sampleLedger } from '../test/sample-ledger';
import { type BundleFailure, createBundle, type EvidenceBundle, verifyBundle } from './bundle';
import { canonicalJson } from './canonical-json';
import { keyIdOf, publicKeyToJwk, signCheckpoint } from './checkpoint';

const ledgerKey = generateKeyPairSync('ed25519');
const otherKey = generateKeyPairSync('ed25519');
// 3,000 leaves, every tenth PERSON's or LINKED's: a bundle of 300 entries.
const ledger = sampleLedger(3_000, 10, 'entries');
const good = exportPersonBundle(ledger, ledgerKey.privateKey);

/** A deep copy, as the verifier would read the bundle from a file, free to be tampered with. */
const copy = (bundle: EvidenceBundle = good): EvidenceBundle => JSON.parse(JSON.stringify(bundle)) as EvidenceBundle;
const kinds = (failures: BundleFailure[]) => failures.map((failure) => failure.kind);

describe('verifyBundle', () => {
  it('accepts a good bundle of 300 entries from a tree of 3,000 leaves', () => {
    expect(good.entries).toHaveLength(300);
    const result = verifyBundle(copy(), { trustedKeys: [otherKey.publicKey, ledgerKey.publicKey] });
    expect(result).toEqual({
      ok: true,
      entriesChecked: 300,
      treeSize: 3_000,
      rootHash: ledger.tree.frontier.root().toString('base64'),
      keyId: keyIdOf(ledgerKey.publicKey),
      failures: [],
    });
    expect(new Set(good.entries.map((entry) => entry.entry.personId))).toEqual(new Set([PERSON, LINKED]));
  });

  it('finds one changed byte in an entry and names it', () => {
    const bundle = copy();
    const target = bundle.entries[41];
    (target.entry.data as { note: string }).note = (target.entry.data as { note: string }).note.replace(
      'entry',
      'entrz',
    );
    const result = verifyBundle(bundle);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      { kind: 'entry-altered', index: target.index, eventId: target.entry.eventId, detail: expect.any(String) },
    ]);
    expect(result.entriesChecked).toBe(300);
  });

  it('finds a changed field of the entry itself, and an added one', () => {
    const bundle = copy();
    bundle.entries[0].entry.time = '2026-01-05T08:03:00.001Z';
    Object.assign(bundle.entries[1].entry, { extra: true });
    expect(kinds(verifyBundle(bundle).failures)).toEqual(['entry-altered', 'entry-altered']);
  });

  it('finds a dropped entry', () => {
    const bundle = copy();
    const [dropped] = bundle.entries.splice(100, 1);
    const result = verifyBundle(bundle);
    expect(result.failures).toEqual([{ kind: 'entry-missing', index: dropped.index, detail: expect.any(String) }]);
    expect(result.entriesChecked).toBe(299);
  });

  it('finds a swapped pair', () => {
    const bundle = copy();
    const [a, b] = [bundle.entries[7], bundle.entries[8]];
    bundle.entries[7] = b;
    bundle.entries[8] = a;
    const result = verifyBundle(bundle);
    expect(kinds(result.failures)).toEqual(['entry-out-of-order']);
    expect([a.index, b.index]).toContain(result.failures[0].index);
  });

  it('finds one entry moved far as one entry out of order, not every entry it shifted', () => {
    const bundle = copy();
    const [moved] = bundle.entries.splice(3, 1);
    bundle.entries.push(moved);
    expect(verifyBundle(bundle).failures).toEqual([
      { kind: 'entry-out-of-order', index: moved.index, eventId: moved.entry.eventId, detail: expect.any(String) },
    ]);
  });

  it('finds an entry the statement does not list, even with a valid proof', () => {
    const bundle = copy();
    bundle.entries.push(bundleEntryAt(ledger, 2_001));
    expect(verifyBundle(bundle).failures).toEqual([
      expect.objectContaining({ kind: 'entry-unexpected', index: 2_001 }),
      // Someone else's, besides.
      expect.objectContaining({ kind: 'wrong-person', index: 2_001 }),
    ]);
    const twice = copy();
    twice.entries.push(twice.entries[5]);
    expect(kinds(verifyBundle(twice).failures)).toEqual(['entry-unexpected']);
  });

  it('finds a changed proof element', () => {
    const bundle = copy();
    const target = bundle.entries[200];
    const element = Buffer.from(target.proof[3], 'base64');
    element[0] = element[0] ^ 0x80;
    target.proof[3] = element.toString('base64');
    expect(verifyBundle(bundle).failures).toEqual([
      { kind: 'entry-altered', index: target.index, eventId: target.entry.eventId, detail: expect.any(String) },
    ]);
    const shortened = copy();
    shortened.entries[200].proof.pop();
    expect(kinds(verifyBundle(shortened).failures)).toEqual(['entry-altered']);
  });

  it('finds a checkpoint signed by another key', () => {
    const bundle = copy();
    bundle.checkpoint = signCheckpoint(bundle.checkpoint.checkpoint, otherKey.privateKey);
    expect(kinds(verifyBundle(bundle).failures)).toEqual(['checkpoint-signature']);
    const keyIdOnly = copy();
    keyIdOnly.checkpoint.keyId = keyIdOf(otherKey.publicKey);
    expect(kinds(verifyBundle(keyIdOnly).failures)).toEqual(['checkpoint-signature']);
  });

  it('finds a checkpoint that says something else than was signed', () => {
    const bundle = copy();
    bundle.checkpoint.checkpoint.time = '2027-01-01T00:00:00Z';
    expect(kinds(verifyBundle(bundle).failures)).toEqual(['checkpoint-signature']);
  });

  it('tells a forgery signed throughout with another key only by the trusted keys', () => {
    // Whoever holds another key can sign a coherent bundle of anything: only the ledger's key, held
    // from elsewhere, tells it apart.
    const forged = exportPersonBundle(ledger, otherKey.privateKey);
    expect(verifyBundle(copy(forged)).ok).toBe(true);
    const result = verifyBundle(copy(forged), { trustedKeys: [ledgerKey.publicKey] });
    expect(result.failures).toEqual([
      {
        kind: 'checkpoint-signature',
        detail: `the bundle's key ${keyIdOf(otherKey.publicKey)} is not one of the trusted keys`,
      },
    ]);
    expect(result.keyId).toBe(keyIdOf(otherKey.publicKey));
  });

  it('finds a statement edited after signing', () => {
    const edits: ((bundle: EvidenceBundle) => void)[] = [
      (bundle) => bundle.statement.indices.pop(),
      (bundle) => bundle.statement.personIds.push('person-other-1'),
      (bundle) => (bundle.statement.exportedAt = '2026-12-07T10:00:01Z'),
    ];
    for (const edit of edits) {
      const bundle = copy();
      edit(bundle);
      expect(kinds(verifyBundle(bundle).failures)).toContain('statement-signature');
    }
    // The statement and the entries both cut down: the signature still gives it away.
    const bundle = copy();
    bundle.statement.indices.splice(10, 1);
    bundle.entries.splice(10, 1);
    expect(kinds(verifyBundle(bundle).failures)).toEqual(['statement-signature']);
  });

  it('finds a statement about another tree than the checkpoint', () => {
    const bundle = copy();
    bundle.statement.treeSize = 2_999;
    bundle.statementSignature = sign(null, Buffer.from(canonicalJson(bundle.statement)), ledgerKey.privateKey).toString(
      'base64',
    );
    expect(kinds(verifyBundle(bundle).failures)).toEqual(['statement-tree-mismatch']);
  });

  it("finds an entry about someone who is not the statement's person", () => {
    const checkpoint = good.checkpoint;
    const entries = [bundleEntryAt(ledger, 3), bundleEntryAt(ledger, 4), bundleEntryAt(ledger, 13)];
    const bundle = createBundle(
      { personIds: [PERSON, LINKED], checkpoint, entries, exportedAt: '2026-12-06T10:00:01Z' },
      ledgerKey.privateKey,
    );
    expect(verifyBundle(copy(bundle)).failures).toEqual([
      { kind: 'wrong-person', index: 4, eventId: ledger.entries.get(4)?.eventId, detail: expect.any(String) },
    ]);
  });

  it('reports every failure, not only the first', () => {
    const bundle = copy();
    (bundle.entries[0].entry.data as { step: number }).step = 9;
    bundle.entries.splice(50, 1);
    bundle.entries[120].proof[0] = bundle.entries[121].proof[0];
    bundle.statement.exportedAt = 'later';
    const result = verifyBundle(bundle);
    expect(kinds(result.failures).sort()).toEqual([
      'entry-altered',
      'entry-altered',
      'entry-missing',
      'statement-signature',
    ]);
  });

  it('answers "malformed" for garbage, and never throws', () => {
    const garbage: unknown[] = [
      null,
      undefined,
      42,
      'a bundle',
      [],
      {},
      { ...copy(), format: 'lintas-evidence/2' },
      { ...copy(), statement: { ...good.statement, indices: [1, 1] } },
      { ...copy(), statement: 'x' },
      { ...copy(), checkpoint: { keyId: 'k' } },
      {
        ...copy(),
        checkpoint: { ...good.checkpoint, checkpoint: { ...good.checkpoint.checkpoint, rootHash: 'AAAA' } },
      },
      { ...copy(), publicKey: { ...good.publicKey, d: 'secret' } },
      { ...copy(), publicKey: 'not a key' },
      { ...copy(), entries: 'none' },
      { ...copy(), statementSignature: 7 },
    ];
    for (const value of garbage) {
      const result = verifyBundle(value);
      expect(result.ok).toBe(false);
      expect(result.failures.length).toBeGreaterThan(0);
      expect(new Set(kinds(result.failures))).toEqual(new Set(['malformed']));
    }
    expect(verifyBundle({}).failures.length).toBeGreaterThanOrEqual(5);
  });

  it('answers "malformed" for a broken entry and goes on with the others', () => {
    const bundle = copy();
    bundle.entries[9].proof[0] = 'not base64!';
    (bundle.entries[10].entry as { personId: unknown }).personId = 17;
    (bundle.entries[11] as unknown) = 'an entry';
    (bundle.entries[12].entry.data as { text: string }).text = '\ud800';
    const result = verifyBundle(bundle);
    expect(result.failures).toEqual([
      expect.objectContaining({ kind: 'malformed', index: bundle.entries[9].index }),
      expect.objectContaining({ kind: 'malformed', index: bundle.entries[10].index }),
      // An entry that is not an object has no index to name: the statement's leaf is then missing.
      expect.objectContaining({ kind: 'malformed', detail: expect.stringContaining('entry 11') }),
      expect.objectContaining({ kind: 'entry-missing', index: good.entries[11].index }),
      expect.objectContaining({ kind: 'malformed', index: bundle.entries[12].index }),
    ]);
    expect(result.entriesChecked).toBe(296);
  });
});

describe('createBundle', () => {
  it('signs a statement of the entries it carries, with the key of the checkpoint', () => {
    expect(good.format).toBe('lintas-evidence/1');
    expect(good.statement).toEqual({
      personIds: [PERSON, LINKED],
      treeSize: 3_000,
      indices: ledger.personIndices,
      exportedAt: '2026-12-06T10:00:01Z',
    });
    expect(good.publicKey).toEqual(publicKeyToJwk(ledgerKey.publicKey));
  });

  it('refuses a checkpoint signed with another key, and a leaf named twice', () => {
    const entries = [bundleEntryAt(ledger, 3)];
    const input = { personIds: [PERSON], checkpoint: good.checkpoint, entries, exportedAt: '2026-12-06T10:00:01Z' };
    expect(() => createBundle(input, otherKey.privateKey)).toThrow('signed by key');
    expect(() => createBundle({ ...input, entries: [...entries, ...entries] }, ledgerKey.privateKey)).toThrow('twice');
  });
});
