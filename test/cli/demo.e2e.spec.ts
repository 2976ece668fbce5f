import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { itemByCode } from '#ingestion';
import { demo } from '../../apps/cli/src/demo.js';
import { GraphQLClient, ok } from '../support/graphql-client.js';
import { startTestApi } from '../support/test-api.js';
import { backendName } from '../support/test-database.js';

/** Whether an answer holds something: a non-empty list or a value somewhere below it. */
const somethingIn = (value: unknown): boolean =>
  Array.isArray(value) ? value.length > 0 && value.some(somethingIn) : value !== null && typeof value === 'object' ? Object.values(value).some(somethingIn) : value !== null && value !== undefined && value !== 0;

describe(`himotoki demo's ready-to-paste examples on ${backendName}`, () => {
  let app: INestApplication;
  let api: GraphQLClient;
  let shown: Awaited<ReturnType<typeof demo>>;
  let printed = '';

  beforeAll(async () => {
    ({ app, api } = await startTestApi());
    const log = jest.spyOn(console, 'log').mockImplementation((text: unknown) => void (printed += String(text)));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      shown = await demo(app, { subjects: 40, seed: 'demo-examples' });
    } finally {
      log.mockRestore();
      stderr.mockRestore();
    }
  }, 300_000);
  afterAll(() => app?.close());

  it('prints its own ids: a subject with history, an item of theirs, a My Number it issued them, a dataset', () => {
    const { ids } = shown;
    expect(ids.myNumber).toMatch(/^\d{12}$/);
    expect(itemByCode(ids.item)).toBeDefined();
    for (const value of [ids.subjectId, ids.myNumber!, ids.item, ids.datasetId, ids.organizationId, shown.tokens.AUDITOR, shown.tokens.SUBJECT]) expect(printed).toContain(value);
    // Each example is one named operation, so that pasting one into the IDE runs it.
    for (const example of shown.examples) expect(example.query).toMatch(/^query [A-Z][A-Za-z]+ \{/);
    expect(printed).toContain(`curl -s `);
  });

  it('every example answers something, without errors, for the role it names', async () => {
    expect(shown.examples.length).toBeGreaterThanOrEqual(8);
    for (const example of shown.examples) {
      const answer = await api.as(shown.tokens[example.role]).request(example.query);
      expect([example.title, answer.errors ?? []]).toEqual([example.title, []]);
      for (const [field, value] of Object.entries(answer.data!)) expect([example.title, field, somethingIn(value)]).toEqual([example.title, field, true]);
    }
  });

  it('the My Number finds the subject, and the item is answered with its names and who provided it', async () => {
    const { ids, tokens } = shown;
    const found = ok(await api.as(tokens.AUDITOR).request(`{ subject(identifier: { kind: MY_NUMBER, value: "${ids.myNumber}" }) { id } }`));
    expect(found.subject).toEqual({ id: ids.subjectId });
    const who = shown.examples.find((e) => e.query.startsWith('query WhoAccessed'))!;
    const { whoAccessed } = ok(await api.as(tokens.AUDITOR).request(who.query));
    expect(whoAccessed[0].item).toEqual({ code: ids.item, nameJa: itemByCode(ids.item)!.ja, nameEn: itemByCode(ids.item)!.en });
    expect(whoAccessed.some((u: any) => u.kind === 'PROVISION' ? u.provider?.name : u.dataset?.name)).toBe(true);
  });
});
