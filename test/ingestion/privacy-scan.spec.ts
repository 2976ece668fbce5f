import { normalizeAddress, normalizeName } from '#normalization';
import { IngestBatchCommand, normalizeIdentifierValue, type CommandEnvelope } from '#ingestion';
import type { IdentifierKind } from '#vocabulary';
import { ProjectionRunner } from '#projections';
import { LOG_TABLE } from '#event-store-postgres/testing';
import { generatePopulation } from '#synthetic-population';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

/** Every raw personal value a command carries, as written and as normalized (what a careless store would keep). */
function rawValues(command: CommandEnvelope): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key = ''): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, key));
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.kind === 'string' && typeof record.value === 'string') {
      found.push(record.value, normalizeIdentifierValue(record.kind as IdentifierKind, record.value, 'value'));
    }
    for (const name of ['nameKanji', 'nameKana'] as const) {
      if (typeof record[name] === 'string') found.push(record[name] as string, normalizeName(record[name] as string, 'NFKC'), normalizeName(record[name] as string, 'VARIANT'));
    }
    if (typeof record.address === 'string') found.push(record.address, normalizeAddress(record.address).full);
    if (typeof record.birthDate === 'string') found.push(record.birthDate);
    for (const [k, v] of Object.entries(record)) visit(v, k);
  };
  visit(command.payload);
  // Short values (a two-character given name, a bare date) can occur by chance in unrelated text.
  return found.filter((v) => v.length >= 5);
}

describe(`privacy at the edge, over a generated population, on ${backendName}`, () => {
  it('stores none of the raw names, numbers and addresses it was fed, in any event or any table', async () => {
    const f = await IngestionFixture.start();
    try {
      const raw = new Set<string>();
      let batch: CommandEnvelope[] = [];
      const flush = async () => {
        const outcome = await f.bus.execute(new IngestBatchCommand(batch, 'operator:test'));
        if (!outcome.ok) throw new Error(outcome.errors[0]!.error.message);
        batch = [];
      };
      const population = generatePopulation({ subjects: 80, seed: 'privacy-scan' });
      for (const command of population.commands) {
        for (const value of rawValues(command)) raw.add(value);
        batch.push(command);
        if (batch.length === 400) await flush();
      }
      await flush();
      await settled(f.context.get(ProjectionRunner));
      expect(raw.size).toBeGreaterThan(500);

      const { rows: tables } = await f.database.pool.query<{ name: string }>(
        `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
          WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
      );
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([LOG_TABLE, 'access_history.entries', 'registry.datasets']));
      let dump = '';
      for (const { name } of tables) {
        const { rows } = await f.database.pool.query<{ text: string | null }>(`SELECT string_agg(t::text, E'\\n') AS text FROM ${name} t`);
        dump += rows[0]!.text ?? '';
      }
      expect(dump.length).toBeGreaterThan(100_000);
      // The scan sees readable text: what is meant to be stored in the clear (an organization's name) is found.
      expect(dump).toContain(population.manifest.organizations.at(-1)!.name);
      const leaked = [...raw].filter((value) => dump.includes(value));
      expect(leaked).toEqual([]);
    } finally {
      await f.close();
    }
  });
});
