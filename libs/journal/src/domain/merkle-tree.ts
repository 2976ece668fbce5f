import { hash } from 'node:crypto';

/**
 * The RFC 6962 Merkle tree (Certificate Transparency; RFC 9162 §2.1): the hash of a log of n leaves, and the
 * inclusion and consistency proofs that let an outsider check one leaf, or that a later log extends an
 * earlier one, with nothing but SHA-256. Pure: no I/O.
 */

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
// The one-shot hash: a third cheaper than a Hash object per node, and sealing hashes two per event.
const sha256 = (...parts: Buffer[]) => hash('sha256', Buffer.concat(parts), 'buffer');

/** MTH({d}) = SHA-256(0x00 ‖ d); a string leaf is hashed as its UTF-8 bytes, without copying it to a Buffer first. */
export const leafHash = (leaf: Buffer | string): Buffer => (typeof leaf === 'string' ? hash('sha256', `\0${leaf}`, 'buffer') : sha256(LEAF_PREFIX, leaf));
/** An interior node: SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (left: Buffer, right: Buffer): Buffer => sha256(NODE_PREFIX, left, right);
/** MTH of the empty log: SHA-256 of nothing. */
export const EMPTY_ROOT = sha256();

/**
 * SHA-256 of `input` written into `out` at `offset`. The digest is taken as a binary (latin1) string and copied in
 * byte by byte, so that batch hashing (the sealer) allocates no Buffer for each digest and skips Buffer.write's
 * checks.
 */
const sha256Into = (input: Buffer, out: Buffer, offset: number): void => {
  const digest = hash('sha256', input, 'binary');
  for (let i = 0; i < 32; i++) out[offset + i] = digest.charCodeAt(i);
};

/** The leaf hashes SHA-256(0x00 ‖ entry) of 32-byte entries laid end to end, laid end to end likewise. */
export function leafHashesOf(entries: Buffer): Buffer {
  if (entries.length % 32 !== 0) throw new RangeError(`entries of 32 bytes expected, got ${entries.length} bytes`);
  const hashes = Buffer.allocUnsafe(entries.length);
  const input = Buffer.alloc(33);
  for (let at = 0; at < entries.length; at += 32) {
    copy32(entries, at, input, 1);
    sha256Into(input, hashes, at);
  }
  return hashes;
}

/** The largest power of two smaller than n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) over leaf hashes. */
export function rootHash(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return nodeHash(rootHash(leaves.slice(0, k)), rootHash(leaves.slice(k)));
}

/** Leaves [start, end) of the log: every hash in a proof is the root of such a range (MTH(D[start:end])). */
export interface LeafRange {
  start: number;
  end: number;
}

/** A perfect subtree: 2^level leaves from index · 2^level. The store keeps these; any range is a few of them. */
export interface Subtree {
  level: number;
  index: number;
}

/** The ranges whose roots make up PATH(m, D[n]), leaf to root. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path = (m: number, start: number, end: number): LeafRange[] => {
    if (end - start === 1) return [];
    const k = split(end - start);
    return m < k ? [...path(m, start, start + k), { start: start + k, end }] : [...path(m - k, start + k, end), { start, end: start + k }];
  };
  return path(index, 0, size);
}

/** The ranges whose roots make up PROOF(m, D[n]): that the tree of the first m leaves is a prefix of the tree of n. */
export function consistencyRanges(m: number, size: number): LeafRange[] {
  if (!Number.isSafeInteger(m) || m < 0 || m > size) throw new RangeError(`size ${m} is not within a tree of ${size}`);
  if (m === 0 || m === size) return [];
  const subproof = (m: number, start: number, end: number, complete: boolean): LeafRange[] => {
    if (m === end - start) return complete ? [] : [{ start, end }];
    const k = split(end - start);
    return m <= k
      ? [...subproof(m, start, start + k, complete), { start: start + k, end }]
      : [...subproof(m - k, start + k, end, false), { start, end: start + k }];
  };
  return subproof(m, 0, size, true);
}

/**
 * A range as perfect subtrees, largest first. Every range in a proof starts at a multiple of its split, so
 * the greedy cut is RFC 6962's own split, and its root folds from the right (see `rangeRoot`).
 */
export function subtreesOf({ start, end }: LeafRange): Subtree[] {
  const subtrees: Subtree[] = [];
  for (let at = start; at < end; ) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level++;
    subtrees.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return subtrees;
}

/** MTH of a range from the roots of its perfect subtrees, largest first. */
export function rangeRoot(subtreeRoots: readonly Buffer[]): Buffer {
  if (subtreeRoots.length === 0) return EMPTY_ROOT;
  return subtreeRoots.slice(0, -1).reduceRight((right, left) => nodeHash(left, right), subtreeRoots.at(-1)!);
}

/** PATH(m, D[n]): the audit path of leaf m (0-based) in the tree of these leaf hashes, leaf to root. */
export function inclusionProof(leaves: readonly Buffer[], index: number): Buffer[] {
  return inclusionRanges(index, leaves.length).map((r) => rootHash(leaves.slice(r.start, r.end)));
}

/** PROOF(m, D[n]): that the tree of the first m leaves is a prefix of the tree of all n. */
export function consistencyProof(leaves: readonly Buffer[], m: number): Buffer[] {
  return consistencyRanges(m, leaves.length).map((r) => rootHash(leaves.slice(r.start, r.end)));
}

/**
 * 右端 — the right edge of a growing tree (a compact range): the roots of its perfect subtrees, largest
 * first, one per set bit of its size. Enough to append leaves and to know the root, in O(log n) memory.
 */
export class TreeEdge {
  /** The roots, largest first, laid end to end (32 bytes each): appending copies bytes, and makes no Buffer a leaf. */
  private readonly roots = Buffer.alloc(MAX_EDGE * 32);
  private depth: number;

  private constructor(
    private currentSize: number,
    roots: readonly Buffer[],
  ) {
    roots.forEach((root, i) => this.roots.set(root, i * 32));
    this.depth = roots.length;
  }

  static empty(): TreeEdge {
    return new TreeEdge(0, []);
  }

  /** The edge of a tree of `size` leaves from its subtrees' roots (those of `subtreesOf({start: 0, end: size})`). */
  static of(size: number, roots: readonly Buffer[]): TreeEdge {
    const expected = subtreesOf({ start: 0, end: size }).length;
    if (roots.length !== expected) throw new RangeError(`a tree of ${size} leaves has ${expected} edge subtrees, not ${roots.length}`);
    if (roots.some((root) => root.length !== 32)) throw new RangeError('edge subtree roots of 32 bytes expected');
    return new TreeEdge(size, roots);
  }

  get size(): number {
    return this.currentSize;
  }

  root(): Buffer {
    return rangeRoot(Array.from({ length: this.depth }, (_, i) => Buffer.from(this.roots.subarray(i * 32, i * 32 + 32))));
  }

  /** Appends a leaf hash; answers the perfect subtrees it completed (level ≥ 1), lowest first, with their roots. */
  append(leaf: Buffer): (Subtree & { hash: Buffer })[] {
    return this.appendAll(leaf);
  }

  /**
   * Appends leaf hashes laid end to end (32 bytes each), as `append` one by one would; answers the perfect
   * subtrees completed at `lowestLevel` and above, lowest first for each leaf. Its node hashes are written
   * into one buffer: a sealer's batch hashes about one node for each leaf.
   */
  appendAll(leaves: Buffer, lowestLevel = 1): (Subtree & { hash: Buffer })[] {
    if (leaves.length % 32 !== 0) throw new RangeError(`leaf hashes of 32 bytes expected, got ${leaves.length} bytes`);
    const completed: (Subtree & { hash: Buffer })[] = [];
    const count = leaves.length / 32;
    // Leaf i completes as many nodes as size + i has trailing one bits: in all ones(size) + count − ones(size + count).
    const nodes = Buffer.allocUnsafe((ones(this.currentSize) + count - ones(this.currentSize + count)) * 32);
    const input = Buffer.alloc(65);
    input[0] = 0x01;
    const roots = this.roots;
    let used = 0;
    for (let i = 0; i < count; i++) {
      // The hash climbing the edge: the leaf, then each node it completes.
      let from = leaves;
      let at = i * 32;
      let level = 0;
      for (let n = this.currentSize; n % 2 === 1; n = (n - 1) / 2) {
        this.depth--;
        copy32(roots, this.depth * 32, input, 1);
        copy32(from, at, input, 33);
        sha256Into(input, nodes, used);
        from = nodes;
        at = used;
        used += 32;
        level++;
        if (level >= lowestLevel) completed.push({ level, index: (this.currentSize + 1) / 2 ** level - 1, hash: nodes.subarray(at, at + 32) });
      }
      copy32(from, at, roots, this.depth * 32);
      this.depth++;
      this.currentSize++;
    }
    return completed;
  }
}

/** An edge has a root for each set bit of its size, a safe integer. */
const MAX_EDGE = 53;

/** 32 bytes copied one by one: for so few, a loop does without Buffer.copy's checks and without a view to set from. */
function copy32(source: Buffer, sourceAt: number, target: Buffer, targetAt: number): void {
  for (let i = 0; i < 32; i++) target[targetAt + i] = source[sourceAt + i]!;
}

const isBitSet = (n: bigint) => (n & 1n) === 1n;

/** The set bits of a tree size (a safe integer, beyond 32 bits). */
function ones(n: number): number {
  let count = 0;
  for (; n > 0; n = Math.floor(n / 2)) count += n % 2;
  return count;
}

/** RFC 9162 §2.1.3.2: does this path lead from the leaf hash at `index` to `root` in a tree of `size`? */
export function verifyInclusion(index: bigint, size: bigint, leaf: Buffer, proof: readonly Buffer[], root: Buffer): boolean {
  if (index < 0n || index >= size || leaf.length !== 32 || root.length !== 32) return false;
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  for (const p of proof) {
    if (p.length !== 32 || sn === 0n) return false;
    if (isBitSet(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isBitSet(fn) && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [fn >> 1n, sn >> 1n];
  }
  return sn === 0n && r.equals(root);
}

/** RFC 9162 §2.1.4.2: is the tree of `size2` (root2) an extension of the tree of `size1` (root1)? */
export function verifyConsistency(size1: bigint, size2: bigint, proof: readonly Buffer[], root1: Buffer, root2: Buffer): boolean {
  if (size1 < 0n || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (size1 === 0n) return proof.length === 0;
  if (proof.length === 0 || proof.some((p) => p.length !== 32)) return false;
  // When size1 is a power of two, its root is a node of the larger tree and starts the path.
  const path = (size1 & (size1 - 1n)) === 0n ? [root1, ...proof] : [...proof];
  let fn = size1 - 1n;
  let sn = size2 - 1n;
  while (isBitSet(fn)) [fn, sn] = [fn >> 1n, sn >> 1n];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if (isBitSet(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isBitSet(fn) && fn !== 0n) [fn, sn] = [fn >> 1n, sn >> 1n];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [fn >> 1n, sn >> 1n];
  }
  return fr.equals(root1) && sr.equals(root2) && sn === 0n;
}
