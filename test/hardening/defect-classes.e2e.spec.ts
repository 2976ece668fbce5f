import { randomUUID } from 'node:crypto';
import { backendName } from '../support/test-database.js';
import { ok } from '../support/graphql-client.js';
import { HostileWorld, at, codesOf, valid } from './hostile-world.js';

/**
 * One test per class of defect issue #19 reports, through the public doors (GraphQL over HTTP, `himotoki
 * import`): each refusal is classified, names its field, changes nothing, and leaves the trail reaching the citizen.
 */
describe(`the edge refuses what the read models cannot hold, on ${backendName}`, () => {
  let world: HostileWorld;
  beforeAll(async () => {
    world = await HostileWorld.start();
  }, 120_000);
  afterAll(() => world?.close());

  /** Sends a mutation expected to be refused; the log must not change. */
  const refused = async (mutation: string, input: Record<string, unknown>, client = world.city) => {
    const before = await world.eventCount();
    const answer = await client.mutate(mutation, input);
    expect(await world.eventCount()).toBe(before);
    expect(answer.status).toBeLessThan(500);
    expect(answer.errors?.length).toBeGreaterThan(0);
    return answer.errors![0]!;
  };

  it('refuses an instant outside the domain window (year 0000), and the trail keeps reaching the citizen', async () => {
    const error = await refused('accessInformation', { ...valid.accessInformation(), occurredAt: '0000-01-01T00:00:00Z' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/occurredAt$/) });
    expect(error.message).toMatch(/1900 to 2199/);
    await world.trailStillReachesTheCitizen();
  });

  it('answers a year past 9999 in UTC as BAD_USER_INPUT, not as an internal error', async () => {
    const error = await refused('accessInformation', { ...valid.accessInformation(), occurredAt: '9999-12-31T23:00:00-05:00' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toMatch(/occurredAt$/);
  });

  it('answers a lone surrogate in a purpose as BAD_USER_INPUT naming the field', async () => {
    const error = await refused('accessInformation', { ...valid.accessInformation(), purpose: 'tax \ud800 purpose' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/purpose$/) });
    expect(error.extensions?.reason).toMatch(/surrogate/);
  });

  it('refuses a NUL inside a name, and invisible or bidi-override characters in an organization name', async () => {
    const nul = await refused('registerRecord', { ...valid.registerRecord(), basic4: { nameKanji: '山田\u0000太郎' } });
    expect(nul.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/basic4\.nameKanji$/) });
    for (const name of ['横浜\u200b市', '\u202e市浜横', 'Yokohama\u2066City\u2069', '\ufeff横浜市']) {
      const invisible = await refused('registerOrganization', { ...valid.registerOrganization(), name }, world.operator);
      expect(invisible.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/name$/) });
      expect(invisible.extensions?.reason).toMatch(/control or format characters/);
    }
  });

  it('refuses a birth date after the record\'s own date', async () => {
    const error = await refused('registerRecord', { ...valid.registerRecord(), basic4: { nameKanji: '山田太郎', birthDate: '2024-04-04' }, occurredAt: at(3) });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.basic4.birthDate' });
    expect(error.extensions?.reason).toMatch(/after the record's own date/);
    // The record's own date in Japan is the limit: born that day is fine.
    ok(await world.city.mutate('registerRecord', { ...valid.registerRecord(), basic4: { birthDate: '2024-04-03' }, occurredAt: at(3) }));
  });

  it('answers every variable-coercion error with HTTP 400 and BAD_USER_INPUT', async () => {
    const auditor = world.api.as(await world.mint.auditor());
    const history = `query ($s: ID!, $first: Int, $filter: AccessHistoryFilter) { accessHistory(subjectId: $s, first: $first, filter: $filter) { totalCount } }`;
    for (const variables of [
      { s: world.subjectId, first: 1.5 }, // a float for an Int
      { s: world.subjectId, filter: { kinds: ['NOT_A_KIND'] } }, // an unknown enum value
      { first: 5 }, // a required variable missing
      { s: world.subjectId, filter: { from: '2024-04-01T09:00:00' } }, // a date without a zone
    ]) {
      const answer = await auditor.request(history, variables);
      expect({ variables, status: answer.status, codes: codesOf(answer) }).toEqual({ variables, status: 400, codes: ['BAD_USER_INPUT'] });
    }
    const missingField = await world.city.mutate('accessInformation', { ...valid.accessInformation(), organizationId: undefined });
    expect([missingField.status, codesOf(missingField)]).toEqual([400, ['BAD_USER_INPUT']]);
  });

  it('answers the depth and complexity limits with HTTP 400', async () => {
    const auditor = world.api.as(await world.mint.auditor());
    const deep = await auditor.request(`{ organization(id: "city") { datasets { holder { datasets { holder { datasets { holder { datasets { holder { datasets { holder { id } } } } } } } } } } } }`);
    expect([deep.status, codesOf(deep)]).toEqual([400, ['BAD_USER_INPUT']]);
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: accessHistory(subjectId: "${world.subjectId}", first: 500) { edges { node { id items purpose } } }`).join('\n');
    const complex = await auditor.request(`{ ${fields} }`);
    expect([complex.status, codesOf(complex)]).toEqual([400, ['BAD_USER_INPUT']]);
    expect(complex.errors![0]!.message).toMatch(/complexity/);
  });

  it('answers a retried commandId with different content as CONFLICT naming the commandId', async () => {
    const commandId = randomUUID();
    const first = ok(await world.city.mutate('accessInformation', valid.accessInformation('acc-retry'), commandId));
    expect(first.accessInformation!.applied).toBe(true);
    const same = ok(await world.city.mutate('accessInformation', valid.accessInformation('acc-retry'), commandId));
    expect(same.accessInformation).toEqual({ ...first.accessInformation, applied: false });
    // The same instant written in another zone is the same command.
    const sameInstant = ok(await world.city.mutate('accessInformation', { ...valid.accessInformation('acc-retry'), occurredAt: '2024-04-10T00:00:00Z' }, commandId));
    expect(sameInstant.accessInformation!.applied).toBe(false);
    for (const different of [
      { ...valid.accessInformation('acc-retry'), purpose: '別の目的' }, // same streams, other content
      { ...valid.accessInformation('acc-retry-other'), items: ['INCOME'] }, // other streams
    ]) {
      const before = await world.eventCount();
      const answer = await world.city.mutate('accessInformation', different, commandId);
      expect(await world.eventCount()).toBe(before);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'commandId' });
      expect(answer.errors![0]!.message).toContain(commandId);
    }
  });

  it('says applied: true to exactly one of twelve simultaneous sends of one command', async () => {
    const commandId = randomUUID();
    const input = valid.accessInformation();
    const before = await world.eventCount();
    const answers = await Promise.all(Array.from({ length: 12 }, () => world.city.mutate('accessInformation', input, commandId)));
    const results = answers.map((a) => ok(a).accessInformation!);
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(new Set(results.map((r) => r.events[0]!.eventId)).size).toBe(1);
    expect(await world.eventCount()).toBe(before + 1);
  });

  it('refuses an import line with invalid UTF-8 by its number, never storing U+FFFD', async () => {
    const before = await world.eventCount();
    const good = HostileWorld.line('registerRecord', valid.registerRecord());
    const bad = Buffer.concat([Buffer.from(HostileWorld.line('registerRecord', { ...valid.registerRecord(), basic4: { nameKanji: 'XX' } }).replace('XX', '山田')), Buffer.from('\n')]);
    bad[bad.indexOf(Buffer.from('山田')) + 1] = 0xff; // breaks 山 in the middle
    const { summary, report } = await world.import(Buffer.concat([Buffer.from(good + '\n'), bad]));
    expect(report[0]).toMatch(/^line 2: not UTF-8/);
    expect(summary).toMatchObject({ errors: 1, stored: 0 });
    expect(await world.eventCount()).toBe(before);
  });

  it('reads a byte order mark on the first line and CR LF line ends as the file\'s framing, not as content', async () => {
    const before = await world.eventCount();
    const lines = [HostileWorld.line('accessInformation', valid.accessInformation()), HostileWorld.line('accessInformation', valid.accessInformation())];
    const { summary, report } = await world.import(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n')]));
    expect(report).toEqual([]);
    expect(summary).toMatchObject({ lines: 2, stored: 2, errors: 0 });
    expect(await world.eventCount()).toBe(before + 2);
    // A BOM anywhere else is content, and refused as such.
    const second = await world.import(`${lines[0]}\n\ufeff${HostileWorld.line('accessInformation', valid.accessInformation())}\n`);
    expect(second.report[0]).toMatch(/^line 2: not JSON/);
  });

  it('refuses __proto__ and constructor keys in an import line as unknown fields, as the API does', async () => {
    const before = await world.eventCount();
    const lines = [
      HostileWorld.line('accessInformation', valid.accessInformation()).replace('"accessId"', '"__proto__":{"x":1},"accessId"'),
      HostileWorld.line('accessInformation', valid.accessInformation()).replace('"accessId"', '"constructor":"x","accessId"'),
      HostileWorld.line('accessInformation', valid.accessInformation()).replace('"commandId"', '"__proto__":null,"commandId"'),
    ];
    const { report } = await world.import(lines.join('\n') + '\n');
    expect(report.filter((l) => /^line \d/.test(l))).toEqual([
      'line 1: payload: unknown field(s) __proto__',
      'line 2: payload: unknown field(s) constructor',
      'line 3: (command): unknown field(s) __proto__',
    ]);
    expect(await world.eventCount()).toBe(before);
    const viaApi = await world.city.mutate('accessInformation', { ...valid.accessInformation(), constructor: 'x' });
    expect(codesOf(viaApi)).toEqual(['BAD_USER_INPUT']);
  });

  it('reads an item in a query as in a mutation: a catalogue name is that item, anything else is refused naming the argument', async () => {
    const auditor = world.api.as(await world.mint.auditor());
    // Today's defect was 「地方税関係情報」 answered as "nobody" in a query and refused in a mutation: both now read it as LOCAL_TAX_INCOME.
    const byName = await auditor.request(`query ($s: ID!) { whoAccessed(subjectId: $s, item: "地方税関係情報") { kind } }`, { s: world.subjectId });
    expect(byName.errors).toBeUndefined();
    const recorded = await world.city.mutate('accessInformation', { ...valid.accessInformation(), items: ['地方税関係情報'] });
    expect(recorded.errors).toBeUndefined();
    const who = await auditor.request(`query ($s: ID!) { whoAccessed(subjectId: $s, item: "地方税関係") { kind } }`, { s: world.subjectId });
    expect(who.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'item' });
    const filtered = await auditor.request(`query ($s: ID!) { accessHistory(subjectId: $s, filter: { item: "tax amount!" }) { totalCount } }`, { s: world.subjectId });
    expect(filtered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.item' });
    const mutation = await world.city.mutate('accessInformation', { ...valid.accessInformation(), items: ['地方税関係'] });
    expect(mutation.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[0]' });
  });

  it('answers a request body with invalid UTF-8 with HTTP 400 and a classified error', async () => {
    const body = Buffer.from(JSON.stringify({ query: '{ me { totalCount } }', variables: { x: 'AB' } }));
    body[body.indexOf(Buffer.from('AB'))] = 0xc3; // a lead byte with no continuation
    const answer = await world.post(body, await world.mint.subject(world.subjectId));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps every projection running and the citizen\'s trail reached after all of the above', async () => {
    await world.trailStillReachesTheCitizen();
  });
});
