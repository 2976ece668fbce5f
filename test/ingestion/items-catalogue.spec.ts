import { itemByCode } from '#ingestion';
import { generatePopulation } from '#synthetic-population';

describe('the item catalogue and the synthetic population', () => {
  it('knows every item the population names in its permitted rows, provisions and accesses', () => {
    const named = new Set<string>();
    for (const command of generatePopulation({ subjects: 300, seed: 'items' }).commands) {
      const items = (command.payload as { items?: unknown }).items;
      if (Array.isArray(items)) for (const code of items) named.add(String(code));
    }
    expect(named.size).toBeGreaterThan(15);
    expect([...named].filter((code) => !itemByCode(code))).toEqual([]);
  });
});
