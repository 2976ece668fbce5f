import { createHash } from 'node:crypto';
import {
  EMPTY_ROOT,
  TreeEdge,
  consistencyProof,
  consistencyRanges,
  inclusionProof,
  inclusionRanges,
  leafHash,
  leafHashesOf,
  rangeRoot,
  rootHash,
  subtreesOf,
  verifyConsistency,
  verifyInclusion,
} from './merkle-tree.js';

// The 8-leaf reference tree of transparency-dev/merkle (testonly/constants.go, proof/verify_test.go): data only.
const h = (hex: string) => Buffer.from(hex, 'hex');
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(h);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(h);
// [leaf index (0-based), tree size, proof]
const INCLUSION: [number, number, string[]][] = [
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];
// [size1, size2, proof]
const CONSISTENCY: [number, number, string[]][] = [
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
];
const hashes = LEAVES.map(leafHash);
const flip = (proof: Buffer[], i: number) => proof.map((p, j) => (j === i ? Buffer.from(p.map((b, k) => (k === 0 ? b ^ 8 : b))) : p));

describe('RFC 6962 Merkle tree against the transparency-dev reference vectors', () => {
  it('gives the root of every tree size 0–8', () => {
    expect(EMPTY_ROOT).toEqual(createHash('sha256').digest());
    for (let n = 0; n <= 8; n++) expect(rootHash(hashes.slice(0, n)).toString('hex')).toBe(ROOTS[n]!.toString('hex'));
  });

  it.each(INCLUSION)('builds and verifies the inclusion proof of leaf %i in a tree of %i', (index, size, expected) => {
    const proof = inclusionProof(hashes.slice(0, size), index);
    expect(proof.map((p) => p.toString('hex'))).toEqual(expected);
    expect(verifyInclusion(BigInt(index), BigInt(size), hashes[index]!, proof, ROOTS[size]!)).toBe(true);
    // Every corruption fails: another index, another size, a wrong leaf or root, garbage, a flipped bit, a missing node.
    const bad: [bigint, bigint, Buffer, Buffer[], Buffer][] = [
      [BigInt(index) + 1n, BigInt(size), hashes[index]!, proof, ROOTS[size]!],
      [BigInt(index) ^ 2n, BigInt(size), hashes[index]!, proof, ROOTS[size]!],
      [BigInt(index), BigInt(size) * 2n, hashes[index]!, proof, ROOTS[size]!],
      [BigInt(index), BigInt(size), leafHash(Buffer.from('WrongLeaf')), proof, ROOTS[size]!],
      [BigInt(index), BigInt(size), hashes[index]!, proof, EMPTY_ROOT],
      [BigInt(index), BigInt(size), hashes[index]!, [...proof, ROOTS[size]!], ROOTS[size]!],
      [BigInt(index), BigInt(size), hashes[index]!, [ROOTS[size]!, ...proof], ROOTS[size]!],
      [BigInt(index), BigInt(size), hashes[index]!, proof.slice(0, -1), ROOTS[size]!],
      ...proof.map((_, i): [bigint, bigint, Buffer, Buffer[], Buffer] => [BigInt(index), BigInt(size), hashes[index]!, flip(proof, i), ROOTS[size]!]),
    ];
    for (const args of bad) expect(verifyInclusion(...args)).toBe(false);
  });

  it.each(CONSISTENCY)('builds and verifies the consistency proof from %i to %i', (size1, size2, expected) => {
    const proof = consistencyProof(hashes.slice(0, size2), size1);
    expect(proof.map((p) => p.toString('hex'))).toEqual(expected);
    expect(verifyConsistency(BigInt(size1), BigInt(size2), proof, ROOTS[size1]!, ROOTS[size2]!)).toBe(true);
    const [r1, r2] = [ROOTS[size1]!, ROOTS[size2]!];
    const bad: [bigint, bigint, Buffer[], Buffer, Buffer][] = [
      [BigInt(size1) - 1n, BigInt(size2), proof, r1, r2],
      [BigInt(size1) + 1n, BigInt(size2), proof, r1, r2],
      [BigInt(size1), BigInt(size2) * 2n, proof, r1, r2],
      [BigInt(size1), BigInt(size2), proof, r2, r1],
      [BigInt(size1), BigInt(size2), [], r1, r2],
      [BigInt(size1), BigInt(size2), [...proof, r2], r1, r2],
      [BigInt(size1), BigInt(size2), [proof[0]!, ...proof], r1, r2],
      [BigInt(size1), BigInt(size2), proof.slice(0, -1), r1, r2],
      ...proof.map((_, i): [bigint, bigint, Buffer[], Buffer, Buffer] => [BigInt(size1), BigInt(size2), flip(proof, i), r1, r2]),
    ];
    for (const args of bad) expect(verifyConsistency(...args)).toBe(false);
  });

  it('proves every leaf and every prefix of a 300-leaf log', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
    const roots = Array.from({ length: 301 }, (_, n) => rootHash(leaves.slice(0, n)));
    for (const size of [1, 2, 3, 7, 8, 9, 64, 100, 255, 256, 257, 300]) {
      for (const index of [0, Math.floor(size / 2), size - 1]) {
        expect(verifyInclusion(BigInt(index), BigInt(size), leaves[index]!, inclusionProof(leaves.slice(0, size), index), roots[size]!)).toBe(true);
      }
      for (const earlier of [0, 1, Math.floor(size / 3), size - 1, size]) {
        expect(verifyConsistency(BigInt(earlier), BigInt(size), consistencyProof(leaves.slice(0, size), earlier), roots[earlier]!, roots[size]!)).toBe(true);
      }
    }
  });

  it('grows a right edge whose root and completed subtrees are those of the whole tree', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
    const edge = TreeEdge.empty();
    expect(edge.root()).toEqual(EMPTY_ROOT);
    const stored = new Map<string, Buffer>();
    for (const [i, leaf] of leaves.entries()) {
      for (const node of edge.append(leaf)) stored.set(`${node.level}/${node.index}`, node.hash);
      expect(edge.root()).toEqual(rootHash(leaves.slice(0, i + 1)));
    }
    // Every stored subtree root is the root of its leaves; every perfect subtree of level ≥ 1 was stored.
    for (const [key, hash] of stored) {
      const [level, index] = key.split('/').map(Number) as [number, number];
      expect(hash).toEqual(rootHash(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level)));
    }
    expect(stored.size).toBe(300 - 1 - (subtreesOf({ start: 0, end: 300 }).length - 1));
    // An edge restored from stored subtrees goes on exactly as the one that kept growing.
    const restored = TreeEdge.of(300, subtreesOf({ start: 0, end: 300 }).map((s) => stored.get(`${s.level}/${s.index}`) ?? leaves[s.index]!));
    const next = leafHash(Buffer.from('event 300'));
    expect(restored.append(next)).toEqual(edge.append(next));
    expect(restored.root()).toEqual(edge.root());
    expect(() => TreeEdge.of(300, [])).toThrow('a tree of 300 leaves has 4 edge subtrees, not 0');
  });

  it('appends a batch of leaf hashes as one by one, from any size, with the same subtrees', () => {
    const entries = Array.from({ length: 300 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
    const leaves = leafHashesOf(Buffer.concat(entries));
    expect(Array.from({ length: 300 }, (_, i) => leaves.subarray(i * 32, i * 32 + 32))).toEqual(entries.map((e) => leafHash(e)));
    for (const cut of [0, 1, 15, 16, 255, 299]) {
      const single = TreeEdge.empty();
      const batched = TreeEdge.empty();
      const one = Array.from({ length: 300 }, (_, i) => single.append(leaves.subarray(i * 32, i * 32 + 32))).flat();
      const both = [...batched.appendAll(leaves.subarray(0, cut * 32)), ...batched.appendAll(leaves.subarray(cut * 32))];
      expect(both).toEqual(one);
      expect(batched.root()).toEqual(single.root());
      expect(batched.appendAll(leaves.subarray(0, 64), 4)).toEqual(single.appendAll(leaves.subarray(0, 64)).filter((n) => n.level >= 4));
    }
    expect(() => leafHashesOf(Buffer.alloc(31))).toThrow('entries of 32 bytes expected');
  });

  it('computes every proof from perfect subtrees alone (what the store keeps)', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
    const subtreeRoot = (s: { level: number; index: number }) => rootHash(leaves.slice(s.index * 2 ** s.level, (s.index + 1) * 2 ** s.level));
    const fromSubtrees = (ranges: { start: number; end: number }[]) => ranges.map((r) => rangeRoot(subtreesOf(r).map(subtreeRoot)));
    for (const size of [1, 2, 3, 5, 16, 17, 255, 256, 300]) {
      for (const index of [0, 1, size >> 1, size - 1].filter((i) => i < size)) {
        expect(fromSubtrees(inclusionRanges(index, size))).toEqual(inclusionProof(leaves.slice(0, size), index));
      }
      for (const earlier of [0, 1, 7, size >> 1, size - 1, size].filter((m) => m <= size)) {
        expect(fromSubtrees(consistencyRanges(earlier, size))).toEqual(consistencyProof(leaves.slice(0, size), earlier));
      }
    }
    expect(() => inclusionRanges(3, 3)).toThrow('leaf 3 is not in a tree of 3');
    expect(() => consistencyRanges(4, 3)).toThrow('size 4 is not within a tree of 3');
  });
});
