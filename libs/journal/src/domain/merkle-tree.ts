import { createHash } from 'node:crypto';

/**
 * The RFC 6962 Merkle tree (Certificate Transparency; RFC 9162 §2.1): the hash of a log of n leaves, and the
 * inclusion and consistency proofs that let an outsider check one leaf, or that a later log extends an
 * earlier one, with nothing but SHA-256. Pure: no I/O.
 */

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

/** MTH({d}) = SHA-256(0x00 ‖ d). */
export const leafHash = (leaf: Buffer): Buffer => sha256(LEAF_PREFIX, leaf);
/** An interior node: SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (left: Buffer, right: Buffer): Buffer => sha256(NODE_PREFIX, left, right);
/** MTH of the empty log: SHA-256 of nothing. */
export const EMPTY_ROOT = sha256();

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

/** PATH(m, D[n]): the audit path of leaf m (0-based) in the tree of these leaf hashes, leaf to root. */
export function inclusionProof(leaves: readonly Buffer[], index: number): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length}`);
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return index < k
    ? [...inclusionProof(leaves.slice(0, k), index), rootHash(leaves.slice(k))]
    : [...inclusionProof(leaves.slice(k), index - k), rootHash(leaves.slice(0, k))];
}

/** PROOF(m, D[n]): that the tree of the first m leaves is a prefix of the tree of all n. */
export function consistencyProof(leaves: readonly Buffer[], m: number): Buffer[] {
  if (!Number.isInteger(m) || m < 0 || m > leaves.length) throw new RangeError(`size ${m} is not within a tree of ${leaves.length}`);
  if (m === 0 || m === leaves.length) return [];
  const subproof = (size: number, tree: readonly Buffer[], complete: boolean): Buffer[] => {
    if (size === tree.length) return complete ? [] : [rootHash(tree)];
    const k = split(tree.length);
    return size <= k
      ? [...subproof(size, tree.slice(0, k), complete), rootHash(tree.slice(k))]
      : [...subproof(size - k, tree.slice(k), false), rootHash(tree.slice(0, k))];
  };
  return subproof(m, leaves, true);
}

const isBitSet = (n: bigint) => (n & 1n) === 1n;

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
