import { jest } from '@jest/globals';
import { RegistryLookup, type OrganizationRow } from './registry.queries.js';

/** A registry of organizations behind stand-in queries that count their reads. */
function registryOf(registered: Map<string, { id: string; name: string }>) {
  const reads: string[][] = [];
  const queries = {
    organizationsById: async (ids: readonly string[]) => {
      reads.push([...ids]);
      return ids.flatMap((wanted) => (registered.has(wanted) ? [{ ...registered.get(wanted)!, kind: null, domains: [], registeredAt: null } as unknown as OrganizationRow] : []));
    },
    datasetsById: async () => [],
  };
  return { lookup: new RegistryLookup(queries), reads };
}

describe('RegistryLookup', () => {
  afterEach(() => jest.useRealTimers());

  it('keeps registered organizations, remembers an unregistered id for a second only, and shows its registration after', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-24T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const registered = new Map([['jps', { id: 'jps', name: '日本年金機構' }]]);
    const { lookup, reads } = registryOf(registered);

    expect((await lookup.organizations(['jps', 'city-audit'])).get('city-audit')).toEqual({ id: 'city-audit', name: null, nameEn: null, kind: null, domains: [], registeredAt: null });
    await lookup.organizations(['jps', 'city-audit']);
    expect(reads).toEqual([['jps', 'city-audit']]);

    registered.set('city-audit', { id: 'city-audit', name: '監査委員事務局' });
    jest.setSystemTime(new Date('2026-11-24T00:00:01.001Z'));
    expect((await lookup.organizations(['jps', 'city-audit'])).get('city-audit')!.name).toBe('監査委員事務局');
    expect(reads).toEqual([['jps', 'city-audit'], ['city-audit']]);
    await lookup.organizations(['city-audit']);
    expect(reads).toHaveLength(2);
  });

  it('names an oversight body that audits without registering (ppc), and lets a registration win', async () => {
    const { lookup } = registryOf(new Map([['mic', { id: 'mic', name: '総務省（登録名）' }]]));
    expect((await lookup.organizations(['ppc'])).get('ppc')).toMatchObject({ id: 'ppc', name: '個人情報保護委員会', nameEn: 'Personal Information Protection Commission', kind: 'MINISTRY', registeredAt: null });
    expect((await lookup.organizations(['mic'])).get('mic')!.name).toBe('総務省（登録名）');
    expect(await lookup.organization('nobody-knows')).toBeNull();
  });
});
