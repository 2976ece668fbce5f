import { jest } from '@jest/globals';
import type { Database } from '#database';
import { RegistryLookup } from './registry-lookup.js';

/** A registry of organizations behind a stand-in database that counts its reads. */
function registryOf(registered: Map<string, { id: string; name: string }>) {
  const reads: string[][] = [];
  const database = {
    dataSource: {
      getRepository: () => ({
        findBy: async ({ id }: { id: { value: string[] } }) => {
          reads.push(id.value);
          return id.value.flatMap((wanted) => (registered.has(wanted) ? [{ ...registered.get(wanted)!, kind: null, domains: [], registeredAt: null }] : []));
        },
      }),
    },
  } as unknown as Database;
  return { lookup: new RegistryLookup(database), reads };
}

describe('RegistryLookup', () => {
  afterEach(() => jest.useRealTimers());

  it('keeps registered organizations, remembers an unregistered id for a second only, and shows its registration after', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-24T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const registered = new Map([['jps', { id: 'jps', name: '日本年金機構' }]]);
    const { lookup, reads } = registryOf(registered);

    expect((await lookup.organizations(['jps', 'ppc'])).get('ppc')).toEqual({ id: 'ppc', name: null, kind: null, domains: [], registeredAt: null });
    await lookup.organizations(['jps', 'ppc']);
    expect(reads).toEqual([['jps', 'ppc']]);

    registered.set('ppc', { id: 'ppc', name: '個人情報保護委員会' });
    jest.setSystemTime(new Date('2026-11-24T00:00:01.001Z'));
    expect((await lookup.organizations(['jps', 'ppc'])).get('ppc')!.name).toBe('個人情報保護委員会');
    expect(reads).toEqual([['jps', 'ppc'], ['ppc']]);
    await lookup.organizations(['ppc']);
    expect(reads).toHaveLength(2);
  });
});
