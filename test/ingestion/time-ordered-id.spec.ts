import { derivedUuid, timeOrderedUuid } from '#ingestion';

describe('timeOrderedUuid', () => {
  it('is a UUID version 7 carrying its millisecond in the first 48 bits', () => {
    const at = Date.UTC(2026, 10, 25, 3, 4, 5, 678);
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by the millisecond, and differs within one', () => {
    const ids = [1_000, 1_001, 1_002, 2_000_000_000_000].map((ms) => timeOrderedUuid(ms));
    expect([...ids].sort()).toEqual(ids);
    const same = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(5)));
    expect(same.size).toBe(1000);
  });

  it('leaves derived ids as they were: version 8, the same for the same command and purpose', () => {
    // The first 16 bytes of SHA-256("command-1\u001fevent"), version and variant bits set.
    expect(derivedUuid('command-1', 'event')).toBe('2ed49f9d-498d-83e6-8cbe-be24d9e75bd1');
  });
});
