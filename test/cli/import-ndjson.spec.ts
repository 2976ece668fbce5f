import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importNdjson } from '../../apps/cli/src/import-ndjson.js';
import { IngestionFixture, T } from '../support/ingestion-fixture.js';
import { backendName } from '../support/test-database.js';

const line = (type: string, payload: Record<string, unknown>, commandId = randomUUID()) => JSON.stringify({ commandId, type, payload });
const organization = (id: string) => line('RegisterOrganization', { organizationId: id, name: id, kind: 'TAX', domains: ['TAX'], occurredAt: T(1) });

describe(`himotoki import on ${backendName}`, () => {
  let f: IngestionFixture;
  let dir: string;
  beforeAll(async () => {
    f = await IngestionFixture.start();
    dir = await mkdtemp(join(tmpdir(), 'himotoki-import-'));
  });
  afterAll(async () => {
    await f.close();
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (lines: string[], batchSize = 2) => {
    const file = join(dir, `${randomUUID()}.ndjson`);
    await writeFile(file, lines.join('\n') + '\n');
    const report: string[] = [];
    const summary = await importNdjson(f.bus, file, { batchSize, report: (l) => report.push(l), progress: false });
    return { summary, report, file };
  };

  it('stores valid batches, names the line and field of every error, and stores nothing of a batch with one', async () => {
    const before = await f.eventCount();
    const { summary, report } = await run([
      organization('imp-a'),
      organization('imp-b'),
      organization('imp-c'),
      line('RegisterOrganization', { organizationId: 'imp-d', name: 'd', kind: 'NOT_A_KIND', domains: ['TAX'], occurredAt: T(1) }),
      '',
      '{"broken": ',
      organization('imp-e'),
    ]);
    expect(report).toEqual([
      expect.stringMatching(/^line 4: payload\.kind: /),
      'lines 3–4: not stored (a batch is stored whole or not at all); fix the lines above and import again',
      expect.stringMatching(/^line 6: not JSON/),
      'lines 5–7: not stored (a batch is stored whole or not at all); fix the lines above and import again',
    ]);
    expect(summary).toMatchObject({ lines: 7, commands: 5, stored: 2, alreadyStored: 0, errors: 2 });
    expect(await f.eventCount()).toBe(before + 2);
  });

  it('stores nothing twice when a file is imported again', async () => {
    const lines = [organization('imp-x'), organization('imp-y'), organization('imp-z')];
    const first = await run(lines, 2);
    const count = await f.eventCount();
    const second = await run(lines, 3);
    expect(first.summary).toMatchObject({ stored: 3, alreadyStored: 0, errors: 0 });
    expect(second.summary).toMatchObject({ stored: 0, alreadyStored: 3, errors: 0 });
    expect(await f.eventCount()).toBe(count);
  });
});
