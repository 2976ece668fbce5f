import { TickBatch } from './tick-batch.js';

describe('TickBatch: reads asked for in one turn of the event loop, made as one', () => {
  it('gathers the keys of one turn into one fetch (each key once), and the next turn into another', async () => {
    const fetched: string[][] = [];
    const batch = new TickBatch<string, string>(async (keys) => {
      fetched.push(keys);
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    expect(await Promise.all([batch.load('a'), batch.load('b'), batch.load('a')])).toEqual(['A', 'B', 'A']);
    expect(await batch.load('c')).toBe('C');
    expect(fetched).toEqual([['a', 'b'], ['c']]);
  });

  it('a failed fetch fails every load of its batch, and the next batch is fetched anew', async () => {
    let fail = true;
    const batch = new TickBatch<number, number>(async (keys) => {
      if (fail) throw new Error('database unavailable');
      return new Map(keys.map((k) => [k, k * 2]));
    });
    const first = [batch.load(1), batch.load(2)].map((p) => p.then(String, (error: Error) => error.message));
    expect(await Promise.all(first)).toEqual(['database unavailable', 'database unavailable']);
    fail = false;
    expect(await batch.load(3)).toBe(6);
  });

  it('a key the fetch left out fails that load alone', async () => {
    const batch = new TickBatch<string, number>(async (keys) => new Map(keys.filter((k) => k !== 'gone').map((k) => [k, k.length])));
    const [kept, gone] = await Promise.allSettled([batch.load('kept'), batch.load('gone')]);
    expect(kept).toEqual({ status: 'fulfilled', value: 4 });
    expect(gone).toMatchObject({ status: 'rejected', reason: new Error('a batched read left out gone') });
  });
});
