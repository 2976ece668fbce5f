import { loadWithinTarget } from '../../bench/bench-support.js';

/**
 * A server that answers within `capacity` requests a second: below it p95 is a flat 10 ms, above it requests
 * queue and p95 grows without bound. `failAbove` makes answers fail beyond that load instead.
 */
function modelServer(capacity: number, failAbove = Infinity) {
  const offered: number[] = [];
  const at = async (rate: number) => {
    offered.push(rate);
    return { offered: rate, p95_ms: rate <= capacity ? 10 : 10 + (rate - capacity), failed: rate > failAbove ? 1 : 0 };
  };
  return { at, offered };
}

describe('the highest steady load within a latency target (benchmarks)', () => {
  it('bisects between a quarter of the saturated rate and the saturated rate', async () => {
    const server = modelServer(700);
    const found = await loadWithinTarget(25, { rps: 1000, p95_ms: 60, failed: 0 }, server.at);
    // 250 meets; then 625 meets, 813 misses, 719: 10 + 19 = 29 ms misses, 672 meets.
    expect(server.offered).toEqual([250, 625, 813, 719, 672]);
    expect(found).toMatchObject({ targetMs: 25, rps: 672 });
    expect(found.tried.map((t) => t.offered)).toEqual(server.offered);
  });

  it('takes the saturated rate as it is when its p95 already meets the target', async () => {
    const server = modelServer(2000);
    const found = await loadWithinTarget(25, { rps: 1200, p95_ms: 20, failed: 0 }, server.at);
    expect(found).toEqual({ targetMs: 25, rps: 1200, tried: [] });
    expect(server.offered).toEqual([]);
  });

  it('halves below a quarter of the saturated rate while even that misses, and says so when nothing meets', async () => {
    const slow = modelServer(40);
    // Then between 32 (met) and 63 (missed): 48 meets, 56 misses (26 ms), 52 and 54 meet.
    expect((await loadWithinTarget(25, { rps: 1000, p95_ms: 60, failed: 0 }, slow.at)).rps).toBe(54);
    expect(slow.offered).toEqual([250, 125, 63, 32, 48, 56, 52, 54]);

    const hopeless = modelServer(0);
    const found = await loadWithinTarget(5, { rps: 8, p95_ms: 60, failed: 0 }, hopeless.at);
    expect(found.rps).toBeNull();
    expect(hopeless.offered).toEqual([2, 1]);
  });

  it('does not count a load whose answers failed as within the target, however fast', async () => {
    const server = modelServer(10_000, 500);
    const found = await loadWithinTarget(25, { rps: 1000, p95_ms: 60, failed: 0 }, server.at);
    expect(found.rps).toBeLessThanOrEqual(500);
    expect(found.rps).toBeGreaterThan(450);
    const failedAnswers = await loadWithinTarget(25, { rps: 1000, p95_ms: 20, failed: 3 }, server.at);
    expect(failedAnswers.tried.length).toBeGreaterThan(0);
  });
});
