import { randomUUID } from 'node:crypto';
import { backendName } from '../support/test-database.js';
import { CLASSIFIED, HostileWorld, INTERNAL_ID, MY_NUMBER, at, codesOf, valid } from './hostile-world.js';

/**
 * The hostile-input campaign of issue #19: hand-picked inputs of every defect class, each sent through GraphQL
 * over HTTP and through `himotoki import`. Every case: no 5xx, no internal error; a refusal is classified,
 * names its field and leaves the log unchanged; the two doors give the same verdict. Afterwards no projection
 * is parked and a legitimate access still reaches the citizen's own history.
 */

interface PayloadCase {
  name: string;
  mutation: string;
  payload: () => Record<string, unknown>;
  /** The last segment of the field a refusal names; absent when the case is accepted. */
  field?: string;
}

const access = (change: Record<string, unknown>) => () => ({ ...valid.accessInformation(), ...change });
const record = (basic4: Record<string, unknown>, occurredAt = at(3)) => () => ({ ...valid.registerRecord(), basic4, occurredAt });

const BAD_INSTANTS = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z',
  '1900-01-01T08:59:59+09:00',
  '2200-01-01T00:00:00Z',
  '2199-12-31T20:00:00-05:00',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:00:00-05:00',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2024-02-30T09:00:00+09:00',
  '2023-02-29T09:00:00+09:00',
  '2024-04-31T09:00:00+09:00',
  '2024-00-10T09:00:00+09:00',
  '2024-04-10T25:00:00+09:00',
  '2024-04-10T09:61:00+09:00',
  '2024-04-10T09:00:60+09:00',
  '2024-04-10T09:00:00+24:00',
  '2024-04-10T09:00:00',
  '2024-04-10',
  '2024-04-10T09:00:00 +09:00',
  '1712707200000',
  'yesterday',
  '',
];

const BAD_TEXTS: [string, string][] = [
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['line feed', '\n'],
  ['DEL', '\u007f'],
  ['NEL', '\u0085'],
  ['zero-width space', '\u200b'],
  ['zero-width joiner', '\u200d'],
  ['right-to-left override', '\u202e'],
  ['left-to-right isolate', '\u2066'],
  ['Arabic letter mark', '\u061c'],
  ['byte order mark', '\ufeff'],
  ['soft hyphen', '\u00ad'],
  ['line separator', '\u2028'],
  ['lone high surrogate', '\ud83d'],
  ['lone low surrogate', '\ude00'],
  ['reversed surrogate pair', '\ude00\ud83d'],
];

// Not in the item catalogue, by code or by name (a code, a Japanese or English name is accepted and kept as the code).
const BAD_ITEMS = ['地方税関係', 'NOT_AN_ITEM', 'TAX AMOUNT!', '_TAX', '', 'A'.repeat(65), 'TAX\u0000', 'TAX-AMOUNT'];

const BAD_BIRTH_DATES: [string, string][] = [
  ['after the record', '2024-04-04'],
  ['far future', '2150-01-01'],
  ['not a calendar date', '2023-02-29'],
  ['before 1868', '1867-12-31'],
  ['year zero', '0000-01-01'],
  ['not a date', 'いつか'],
];

const PAYLOAD_CASES: PayloadCase[] = [
  ...BAD_INSTANTS.map((occurredAt) => ({ name: `occurredAt ${JSON.stringify(occurredAt)}`, mutation: 'accessInformation', payload: access({ occurredAt }), field: 'occurredAt' })),
  ...BAD_TEXTS.flatMap(([name, c]) => [
    { name: `${name} in an access purpose`, mutation: 'accessInformation', payload: access({ purpose: `住民税${c}の賦課` }), field: 'purpose' },
    { name: `${name} in an organization name`, mutation: 'registerOrganization', payload: () => ({ ...valid.registerOrganization(), name: `横浜${c}市` }), field: 'name' },
    { name: `${name} in a kanji name`, mutation: 'registerRecord', payload: record({ nameKanji: `山田${c}太郎` }), field: 'nameKanji' },
    { name: `${name} in an address`, mutation: 'registerRecord', payload: record({ address: `横浜市${c}中区` }), field: 'address' },
  ]),
  ...BAD_TEXTS.slice(0, 6).map(([name, c]) => ({ name: `${name} in a dataset purpose`, mutation: 'registerDataset', payload: () => ({ ...valid.registerDataset(), purpose: `賦課${c}` }), field: 'purpose' })),
  ...BAD_ITEMS.map((item) => ({ name: `item ${JSON.stringify(item)}`, mutation: 'accessInformation', payload: access({ items: [item] }), field: 'items[0]' })),
  ...BAD_BIRTH_DATES.map(([name, birthDate]) => ({ name: `birth date ${name}`, mutation: 'registerRecord', payload: record({ nameKanji: '山田太郎', birthDate }), field: 'birthDate' })),
  { name: 'an access purpose of only spaces', mutation: 'accessInformation', payload: access({ purpose: '   ' }), field: 'purpose' },
  { name: 'an access purpose of 501 characters', mutation: 'accessInformation', payload: access({ purpose: '目'.repeat(501) }), field: 'purpose' },
  { name: 'an unknown subject', mutation: 'accessInformation', payload: access({ subject: { kind: 'INTERNAL_ID', value: 'nobody', scope: 'city' } }), field: 'subject' },
  { name: 'an unknown dataset', mutation: 'accessInformation', payload: access({ datasetId: 'no-such-dataset' }) , field: 'datasetId' },
  { name: 'an unknown organization acting', mutation: 'accessInformation', payload: access({ organizationId: 'nobody' }), field: 'organizationId' },
  { name: 'a trailing line feed in a purpose', mutation: 'accessInformation', payload: access({ purpose: '住民税の賦課\n' }), field: 'purpose' },
  { name: 'a leading byte order mark in an organization name', mutation: 'registerOrganization', payload: () => ({ ...valid.registerOrganization(), name: '\ufeff横浜市' }), field: 'name' },
  { name: 'a My Number with a wrong check digit', mutation: 'accessInformation', payload: access({ subject: { kind: 'MY_NUMBER', value: '123456789012' } }), field: 'value' },
  { name: 'an identifier value with a NUL', mutation: 'accessInformation', payload: access({ subject: { ...INTERNAL_ID, value: 'H-00\u000001' } }), field: 'value' },
  { name: 'an identifier value with a lone surrogate', mutation: 'accessInformation', payload: access({ subject: { ...INTERNAL_ID, value: 'H-\ud800' } }), field: 'value' },
  { name: 'an entity id with a bidi override', mutation: 'accessInformation', payload: access({ accessId: 'acc-\u202e1' }), field: 'accessId' },
  { name: 'a staff code in full-width digits', mutation: 'accessInformation', payload: access({ staffCode: 'Ｃ－１' }), field: 'staffCode' },
  { name: 'no items', mutation: 'accessInformation', payload: access({ items: [] }), field: 'items' },
  // Accepted by both doors: what the grammar must not refuse.
  { name: 'an instant at the window\'s first moment', mutation: 'accessInformation', payload: access({ occurredAt: '1900-01-01T00:00:00Z' }) },
  { name: 'an instant at -14:00', mutation: 'accessInformation', payload: access({ occurredAt: '2024-04-10T09:00:00.123456789-14:00' }) },
  { name: 'a leap day', mutation: 'accessInformation', payload: access({ occurredAt: '2024-02-29T23:59:59+09:00' }) },
  { name: 'a purpose with a surrogate pair', mutation: 'accessInformation', payload: access({ purpose: '𠮷野家の会員😀' }) },
  { name: 'a name with an IVS-free variant kanji', mutation: 'registerRecord', payload: record({ nameKanji: '髙橋 𠮷' }) },
  { name: 'a birth date on the record\'s own day in Japan', mutation: 'registerRecord', payload: record({ birthDate: '2024-04-03' }, '2024-04-02T15:00:00Z') },
  { name: 'a birth date in a Japanese era', mutation: 'registerRecord', payload: record({ birthDate: '昭和60年1月2日' }) },
  { name: 'a purpose left out', mutation: 'accessInformation', payload: access({ purpose: undefined }) },
];

/** Requests sent as raw HTTP: request errors, answered 4xx with a classified code, never 5xx. */
const requestCases = (world: () => HostileWorld, token: () => Promise<string>) => {
  const body = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
  const history = 'query ($s: ID!, $first: Int, $filter: AccessHistoryFilter) { accessHistory(subjectId: $s, first: $first, filter: $filter) { totalCount } }';
  const s = () => world().subjectId;
  const invalidUtf8 = (bytes: number[]) => Buffer.concat([Buffer.from('{"query":"{ me { totalCount } }","variables":{"x":"'), Buffer.from(bytes), Buffer.from('"}}')]);
  const cases: [string, () => string | Buffer][] = [
    ['a float for an Int', () => body(history, { s: s(), first: 1.5 })],
    ['a string for an Int', () => body(history, { s: s(), first: '10' })],
    ['an Int past 32 bits', () => body(history, { s: s(), first: 2 ** 31 })],
    ['an unknown enum value', () => body(history, { s: s(), filter: { kinds: ['EVERYTHING'] } })],
    ['a missing required variable', () => body(history, { first: 5 })],
    ['null for a required variable', () => body(history, { s: null })],
    ['a date without a zone', () => body(history, { s: s(), filter: { from: '2024-04-01T09:00:00' } })],
    ['a date in year 0000', () => body(history, { s: s(), filter: { from: '0000-01-01T00:00:00Z' } })],
    ['a date past 9999', () => body(history, { s: s(), filter: { to: '+010000-01-01T00:00:00Z' } })],
    ['a date literal without a zone', () => body(`{ accessHistory(subjectId: "${s()}", filter: { from: "2024-04-01" }) { totalCount } }`)],
    ['an object for a scalar', () => body(history, { s: { id: s() } })],
    ['a list for an input object', () => body(history, { s: s(), filter: [1] })],
    ['an unknown input field', () => body(history, { s: s(), filter: { colour: 'red' } })],
    ['a __proto__ input field', () => `{"query":${JSON.stringify(history)},"variables":{"s":"${s()}","filter":{"__proto__":{"kinds":["ACCESS"]}}}}`],
    ['an unknown field', () => body('{ nothing }')],
    ['a parse error', () => body('{ accessHistory(')],
    ['a document too deep', () => body('{ organization(id: "city") { datasets { holder { datasets { holder { datasets { holder { datasets { holder { datasets { holder { id } } } } } } } } } } } }')],
    ['a document too complex', () => body(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: accessHistory(subjectId: "${s()}", first: 500) { edges { node { id items } } }`).join(' ')} }`)],
    ['an item not in the catalogue in whoAccessed', () => body(`{ whoAccessed(subjectId: "${s()}", item: "地方税関係") { kind } }`)],
    ['an item variable not in the catalogue', () => body('query ($s: ID!, $i: String!) { whoAccessed(subjectId: $s, item: $i) { kind } }', { s: s(), i: 'incom' })],
    ['a lone surrogate in a filter', () => body(history, { s: s(), filter: { purpose: 'a\ud800' } })],
    ['a NUL in a filter', () => body(history, { s: s(), filter: { purpose: 'a\u0000b' } })],
    ['a NUL in an id literal', () => body('{ organization(id: "ci\\u0000ty") { name } }')],
    ['a lone surrogate in an id literal', () => body('{ organization(id: "\\ud800") { name } }')],
    ['a subject id that is no UUID', () => body(history, { s: 'not-a-uuid' })],
    ['a cursor that is no cursor', () => body('query ($s: ID!) { accessHistory(subjectId: $s, after: "!!") { totalCount } }', { s: s() })],
    ['a page of 501', () => body(history, { s: s(), first: 501 })],
    ['a page of 0', () => body(history, { s: s(), first: 0 })],
    ['invalid UTF-8: a lone continuation byte', () => invalidUtf8([0x80])],
    ['invalid UTF-8: an overlong NUL', () => invalidUtf8([0xc0, 0x80])],
    ['invalid UTF-8: an encoded surrogate', () => invalidUtf8([0xed, 0xa0, 0x80])],
    ['invalid UTF-8: a truncated sequence', () => invalidUtf8([0xf0, 0x9f, 0x98])],
    ['a body that is not JSON', () => '{"query": '],
    ['an empty body', () => ''],
    ['a JSON string body', () => '"{ me { totalCount } }"'],
    ['no query', () => JSON.stringify({ variables: {} })],
    ['a query that is not a string', () => JSON.stringify({ query: 42 })],
    ['variables that are not an object', () => JSON.stringify({ query: history, variables: [1] })],
  ];
  return cases.map(([name, make]) => ({ name, make, token }));
};

describe(`the hostile-input campaign on ${backendName}`, () => {
  let world: HostileWorld;
  beforeAll(async () => {
    world = await HostileWorld.start();
  }, 180_000);
  afterAll(() => world?.close());

  it('holds at least 150 distinct cases', () => {
    const names = [...PAYLOAD_CASES.map((c) => c.name), ...requestCases(() => world, async () => '').map((c) => c.name)];
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(150);
  });

  describe.each(PAYLOAD_CASES)('$mutation with $name', ({ mutation, payload, field }) => {
    it('gets the same verdict through GraphQL and the import: classified, named, and nothing stored when refused', async () => {
      const client = mutation === 'registerOrganization' ? world.operator : world.city;
      const before = await world.eventCount();
      const answer = await client.mutate(mutation, payload());
      expect(answer.status).toBeLessThan(500);
      for (const code of codesOf(answer)) expect(CLASSIFIED).toContain(code);
      const viaImport = await world.import(HostileWorld.line(mutation, payload()) + '\n');
      const imported = await world.eventCount();
      if (field === undefined) {
        expect(answer.errors).toBeUndefined();
        expect(viaImport.report).toEqual([]);
        expect(imported).toBeGreaterThan(before);
        return;
      }
      expect(answer.errors?.[0]?.extensions?.field).toMatch(new RegExp(`${field.replace(/[[\]]/g, '\\$&')}$`));
      expect(viaImport.report[0]).toMatch(new RegExp(`^line 1: payload\\.\\S*${field.replace(/[[\]]/g, '\\$&')}: `));
      expect(viaImport.summary.stored).toBe(0);
      expect(imported).toBe(before);
    });
  });

  describe('requests a client could send', () => {
    const cases = requestCases(() => world, () => world.mint.auditor());
    it.each(cases.map((c) => [c.name, c] as const))('%s: a 4xx or a classified error, never a 5xx', async (_name, { make, token }) => {
      const before = await world.eventCount();
      const answer = await world.post(make(), await token());
      expect(answer.status).toBeLessThan(500);
      const errors: { extensions?: { code?: string } }[] = answer.body?.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) expect(CLASSIFIED).toContain(error.extensions?.code);
      // A request error is refused before any resolver runs: not even an audit line is recorded.
      if (answer.status >= 400) expect(await world.eventCount()).toBe(before);
    });
  });

  it('reuses of a commandId with other content: CONFLICT naming it, nothing stored', async () => {
    const commandId = randomUUID();
    const accessId = `acc-${randomUUID()}`;
    expect((await world.city.mutate('accessInformation', valid.accessInformation(accessId), commandId)).errors).toBeUndefined();
    const before = await world.eventCount();
    for (const other of [{ ...valid.accessInformation(accessId), staffCode: 'C-9' }, valid.accessInformation(), { ...valid.accessInformation(accessId), subject: MY_NUMBER }]) {
      const answer = await world.city.mutate('accessInformation', other, commandId);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'commandId' });
      const viaImport = await world.import(HostileWorld.line('accessInformation', other, commandId) + '\n');
      expect(viaImport.report[0]).toBe(`line 1: commandId: ${answer.errors![0]!.extensions!.reason}`);
    }
    expect(await world.eventCount()).toBe(before);
  });

  it('leaves no projection parked, and a legitimate access still reaches the citizen', async () => {
    await world.trailStillReachesTheCitizen();
  });
});
