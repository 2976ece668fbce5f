import { Rng, hashString, permuteDigits } from './prng.js';

describe('Rng (xoshiro128** seeded through splitmix32)', () => {
  it('gives the same sequence for the same stream, and different sequences for different streams', () => {
    const draw = (tag: string, index: number) => {
      const rng = Rng.stream(hashString('seed'), tag, index);
      return Array.from({ length: 8 }, () => rng.next());
    };
    expect(draw('subject', 3)).toEqual(draw('subject', 3));
    expect(draw('subject', 3)).not.toEqual(draw('subject', 4));
    expect(draw('subject', 3)).not.toEqual(draw('setup', 3));
  });

  it('draws floats in [0, 1) and integers in range, roughly uniformly', () => {
    const rng = Rng.stream(1, 'uniform', 0);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.float();
      if (x < 0 || x >= 1) outside++;
      buckets[rng.int(10)]!++;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('makes version-4 UUIDs', () => {
    const rng = Rng.stream(2, 'uuid', 0);
    const ids = new Set(Array.from({ length: 1000 }, () => rng.uuid()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('permuteDigits', () => {
  it.each([3, 4, 5])('is a bijection on the %i-digit numbers', (digits) => {
    const size = 10 ** digits;
    const seen = new Set<number>();
    let outside = 0;
    for (let i = 0; i < size; i++) {
      const x = permuteDigits(i, digits, 12345);
      if (!Number.isInteger(x) || x < 0 || x >= size) outside++;
      seen.add(x);
    }
    expect(outside).toBe(0);
    expect(seen.size).toBe(size);
  });

  it('depends on the key and scatters neighbours', () => {
    expect(permuteDigits(1, 11, 1)).not.toBe(permuteDigits(1, 11, 2));
    const a = permuteDigits(1000, 11, 7);
    const b = permuteDigits(1001, 11, 7);
    expect(Math.abs(a - b)).toBeGreaterThan(1000);
  });

  it('refuses an index outside the domain', () => {
    expect(() => permuteDigits(1000, 3, 1)).toThrow(RangeError);
    expect(() => permuteDigits(-1, 3, 1)).toThrow(RangeError);
  });
});
