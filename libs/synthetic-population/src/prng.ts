/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna), seeded through splitmix32. No Math.random,
 * no clock: the same seed always gives the same sequence. Each subject and each planted episode draws from a
 * stream of its own (`Rng.stream(seed, tag, index)`), so a subject's life is a pure function of the seed and
 * its index, and streams never overlap in practice (128-bit state).
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** FNV-1a over UTF-16 code units, then the murmur3 finalizer: a well-mixed 32-bit hash of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's 32-bit finalizer. */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes several 32-bit words (and non-negative integers up to 2^53) into one well-distributed word. */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const lo = part >>> 0;
    const hi = Math.floor(part / 0x100000000) >>> 0;
    h = fmix32(h ^ fmix32(lo + 0x7f4a7c15));
    h = fmix32(h ^ fmix32(hi + 0x165667b1));
  }
  return h;
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    // splitmix32 expands one word into the 128-bit state.
    let x = seed | 0;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let t = x ^ (x >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) | 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** An independent stream for (seed, tag, index): e.g. ('subject', 17) or ('setup', 0). */
  static stream(seedHash: number, tag: string, index: number): Rng {
    const rng = new Rng(mix(seedHash, hashString(tag), index));
    // Decorrelate further: the second seed word depends on the first draw.
    const extra = mix(seedHash ^ 0xa5a5a5a5, index, hashString(tag) ^ 0x5bd1e995);
    rng.s2 ^= extra;
    if ((rng.s0 | rng.s1 | rng.s2 | rng.s3) === 0) rng.s0 = 1;
    return rng;
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** A uniform float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** A uniform integer in [min, max] (inclusive). */
  between(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** An index drawn with the given cumulative weights (ascending, last = total). */
  weightedIndex(cumulative: readonly number[]): number {
    const x = this.float() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** An item drawn from [item, weight] pairs. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let x = this.float() * total;
    for (const [item, w] of choices) {
      x -= w;
      if (x < 0) return item;
    }
    return choices[choices.length - 1]![0];
  }

  /** `count` lowercase hex digits (count ≤ 32, a multiple of 2). */
  hex(count: number): string {
    let out = '';
    while (out.length < count) {
      const w = this.next();
      out += HEX[w & 0xff]! + HEX[(w >>> 8) & 0xff]! + HEX[(w >>> 16) & 0xff]! + HEX[w >>> 24]!;
    }
    return out.slice(0, count);
  }

  /** A version-4 UUID (RFC 9562): 122 random bits. */
  uuid(): string {
    const a = this.next();
    const b = this.next();
    const c = this.next();
    const d = this.next();
    const b1 = ((b >>> 16) & 0x0fff) | 0x4000; // version 4
    const c1 = ((c >>> 16) & 0x3fff) | 0x8000; // variant 10xx
    return (
      HEX[a >>> 24]! + HEX[(a >>> 16) & 0xff]! + HEX[(a >>> 8) & 0xff]! + HEX[a & 0xff]! + '-' +
      HEX[(b >>> 8) & 0xff]! + HEX[b & 0xff]! + '-' +
      HEX[b1 >>> 8]! + HEX[b1 & 0xff]! + '-' +
      HEX[c1 >>> 8]! + HEX[c1 & 0xff]! + '-' +
      HEX[(c >>> 8) & 0xff]! + HEX[c & 0xff]! +
      HEX[d >>> 24]! + HEX[(d >>> 16) & 0xff]! + HEX[(d >>> 8) & 0xff]! + HEX[d & 0xff]!
    );
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A keyed bijection on the d-digit decimal numbers [0, 10^d): an alternating Feistel network of 8 rounds over a
 * high part in [0, 10^⌊d/2⌋) and a low part in [0, 10^⌈d/2⌉), each round adding a keyed hash of one part to the
 * other. Distinct inputs always give distinct outputs, so numbers derived from distinct indexes (My Numbers,
 * resident codes, member numbers …) never collide, yet look random.
 */
export function permuteDigits(index: number, digits: number, key: number): number {
  const low = 10 ** Math.ceil(digits / 2);
  const high = 10 ** Math.floor(digits / 2);
  if (!Number.isSafeInteger(index) || index < 0 || index >= low * high) throw new RangeError(`index ${index} is outside [0, 10^${digits})`);
  let h = Math.floor(index / low);
  let l = index % low;
  for (let round = 0; round < 8; round++) {
    if (round % 2 === 0) h = (h + (fmix32(key ^ fmix32(l + Math.imul(round + 1, 0x9e3779b9))) % high)) % high;
    else l = (l + (fmix32(key ^ fmix32(h + Math.imul(round + 1, 0x85ebca6b))) % low)) % low;
  }
  return h * low + l;
}
