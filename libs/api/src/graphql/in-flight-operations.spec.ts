import type { GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { InFlightOperations } from './in-flight-operations.js';

type Context = GraphQLRequestContext<Record<string, never>>;
const start = async (operations: InFlightOperations) =>
  (await operations.plugin.requestDidStart!({} as Context)) as GraphQLRequestListener<Record<string, never>>;

describe('operations in flight', () => {
  it('settles at once when none runs, and once the last one has answered', async () => {
    const operations = new InFlightOperations();
    expect(await operations.settled(10)).toBe(true);
    const [first, second] = [await start(operations), await start(operations)];
    const settled = operations.settled(5_000);
    await first.willSendResponse!({} as never);
    await second.willSendResponse!({} as never);
    expect(await settled).toBe(true);
  });

  it('gives up after the grace period when an operation never answers', async () => {
    const operations = new InFlightOperations();
    await start(operations);
    expect(await operations.settled(30)).toBe(false);
  });
});
