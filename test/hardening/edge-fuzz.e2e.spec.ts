import fc from 'fast-check';
import { backendName } from '../support/test-database.js';
import { CLASSIFIED, HostileWorld, INTERNAL_ID, MY_NUMBER, at, codesOf, valid } from './hostile-world.js';

/**
 * The edge's invariant, by property-based fuzzing through the public doors (issue #19): every command the
 * edge accepts yields events every projection processes; every command it refuses leaves the log unchanged
 * and gets a classified error — never INTERNAL_SERVER_ERROR, never an HTTP 5xx. `npm test` runs a fixed seed
 * and a bounded count; `npm run fuzz` runs thousands (HIMOTOKI_FUZZ_RUNS, HIMOTOKI_FUZZ_SEED).
 */
const RUNS = Number(process.env.HIMOTOKI_FUZZ_RUNS ?? 120);
const SEED = Number(process.env.HIMOTOKI_FUZZ_SEED ?? 19);

/** Strings a hostile or careless writer sends: any UTF-16 (lone surrogates included), controls, format characters, the edge's own alphabet. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u0009', '\u0085', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\u00ad', '\u2028', '\ud800', '\udc00', '\ud83d\ude00', 'a', '山', ' ', '-', 'A'), maxLength: 10 }),
  fc.constantFrom('', ' ', 'null', '__proto__', 'constructor', '0', '地方税関係情報', 'TAX_AMOUNT', 'X'.repeat(600)),
);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Instants: well-formed in and out of the window (the years 0000 to 9999 and JavaScript's extremes), impossible dates and times, odd zones, and junk. */
const instant = fc.oneof(
  fc.constant(at(10)),
  fc.date({ min: new Date(Date.UTC(1899, 11, 31)), max: new Date(Date.UTC(2200, 0, 2)), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.integer({ min: 0, max: 61 }),
      zone: fc.constantFrom('Z', '+09:00', '-05:00', '+14:00', '-14:00', '+15:00', '+09:60', '', '+0900', 'z'),
    })
    .map((t) => `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${t.zone}`),
  hostileString,
);

/** A field: usually its valid value, else a hostile one. */
const field = <T>(good: T, ...bad: fc.Arbitrary<unknown>[]) => fc.oneof({ weight: 3, arbitrary: fc.constant(good) }, ...bad.map((arbitrary) => ({ weight: 1, arbitrary })));

const text = (good: string) => field(good, hostileString, hostileString.map((s) => `${good}${s}`));
const identifier = fc.oneof(
  fc.constantFrom(INTERNAL_ID, MY_NUMBER),
  fc.record({ kind: fc.constantFrom('INTERNAL_ID', 'MY_NUMBER', 'MEMBER_NUMBER', 'NOT_A_KIND'), value: hostileString, scope: field('city', hostileString, fc.constant(null)) }),
);
const items = field(['TAX_AMOUNT'], fc.array(field('INCOME', hostileString), { maxLength: 3 }));

/** An id the property makes fresh when it sends the command (so that a valid command is not a duplicate), or a hostile one. */
const freshId = (prefix: string) => field(`${prefix}-${FRESH}`, hostileString);
const FRESH = 'FRESH';
let serial = 0;
const freshened = (value: unknown): unknown => {
  if (typeof value === 'string') return value.endsWith(`-${FRESH}`) ? value.replace(FRESH, `fz${++serial}`) : value;
  if (Array.isArray(value)) return value.map(freshened);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, freshened(v)]));
  return value;
};

/** Commands against the world, each field valid or hostile. */
const command = fc.oneof(
  fc.record({
    mutation: fc.constant('accessInformation'),
    payload: fc.record({
      accessId: freshId('acc'),
      organizationId: field('city', hostileString),
      staffCode: field('C-1', hostileString),
      subject: field(INTERNAL_ID, identifier),
      datasetId: field('city-tax', hostileString),
      items,
      purpose: field('住民税の賦課', hostileString, fc.constant(null)),
      channel: field('TERMINAL', hostileString),
      outcome: field('GRANTED', hostileString),
      occurredAt: field(at(10), instant),
    }),
  }),
  fc.record({
    mutation: fc.constant('registerOrganization'),
    payload: fc.record({ organizationId: freshId('org'), name: text('横浜市'), kind: field('MUNICIPALITY', hostileString), domains: field(['TAX'], fc.array(hostileString, { maxLength: 2 })), occurredAt: field(at(1), instant) }),
  }),
  fc.record({
    mutation: fc.constant('registerRecord'),
    payload: fc.record({
      recordId: freshId('rec'),
      datasetId: field('city-tax', hostileString),
      subject: field(INTERNAL_ID, identifier),
      basic4: fc.record(
        { nameKanji: text('山田太郎'), nameKana: text('ヤマダタロウ'), birthDate: field('1985-01-02', instant, hostileString, fc.constant('2024-04-04')), sex: field('MALE', hostileString), address: text('神奈川県横浜市中区港町1-1') },
        { requiredKeys: [] },
      ),
      occurredAt: field(at(3), instant),
    }),
  }),
  fc.record({
    mutation: fc.constant('linkRecords'),
    payload: fc.record({
      linkId: freshId('tie'),
      organizationId: fc.constant('city'),
      staffCode: fc.constant('C-1'),
      records: fc.constant(['rec-1', 'rec-2']),
      key: field({ by: 'BASIC4' }, fc.record({ by: hostileString })),
      purpose: text('名寄せ'),
      expectedCutOffAt: field(null, instant),
      occurredAt: field(at(4), instant),
    }),
  }),
  fc.record({ mutation: fc.constant('grantConsent'), payload: fc.record({ consentId: freshId('consent'), subject: field(INTERNAL_ID, identifier), organizationId: fc.constant('city'), scope: text('住民税'), purpose: text('賦課'), occurredAt: field(at(4), instant) }) }),
);

describe(`the edge's invariant under fuzzing on ${backendName}`, () => {
  let world: HostileWorld;
  beforeAll(async () => {
    world = await HostileWorld.start();
  }, 180_000);
  afterAll(() => world?.close());

  it(`holds for ${RUNS} commands (seed ${SEED}) through GraphQL and the import`, async () => {
    const tally = { accepted: 0, refused: {} as Record<string, number> };
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(command, fc.boolean(), async ({ mutation, payload: generated }, viaImport) => {
        const payload = freshened(generated) as Record<string, unknown>;
        const client = mutation === 'registerOrganization' ? world.operator : world.city;
        const before = await world.eventCount();
        let refusal: string | undefined;
        if (viaImport) {
          const { report, summary } = await world.import(HostileWorld.line(mutation, payload) + '\n');
          if (summary.errors > 0) {
            // A refusal names the line, then the field (or says the line is no UTF-8 / no JSON).
            expect(report[0]).toMatch(/^line 1: (payload|commandId|\(command\)|type)[^:]*: \S/);
            refusal = 'import';
          }
        } else {
          const answer = await client.mutate(mutation, payload);
          expect(answer.status).toBeLessThan(500);
          const codes = codesOf(answer);
          for (const code of codes) expect(CLASSIFIED).toContain(code);
          if (codes.length > 0) {
            expect(answer.errors![0]!.extensions?.field ?? answer.errors![0]!.extensions?.reason).toBeTruthy();
            refusal = codes[0];
          }
        }
        const after = await world.eventCount();
        if (refusal) {
          expect(after).toBe(before);
          tally.refused[refusal] = (tally.refused[refusal] ?? 0) + 1;
        } else {
          expect(after).toBeGreaterThan(before);
          tally.accepted++;
          // Every projection processes what was accepted: none parks on it.
          await world.settled();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await world.trailStillReachesTheCitizen();
    const summary = { backend: backendName, seed: SEED, runs: RUNS, ...tally, seconds: Math.round((performance.now() - started) / 100) / 10 };
    if (process.env.HIMOTOKI_FUZZ_RUNS) process.stdout.write(`${JSON.stringify(summary)}\n`);
    // The generators reach both sides of the edge.
    expect(tally.accepted).toBeGreaterThan(0);
    expect(Object.keys(tally.refused).length).toBeGreaterThan(0);
  }, 120_000 + RUNS * 2_000);
});
