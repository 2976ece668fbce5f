import fc from 'fast-check';
import type { Database } from '#database';
import { OPENING_AS_JSONB_OBJECT, OPENING_PARAMETERS } from '../../migrations/1764000000700-opening-by-concatenation.js';
import { subjectAppends } from '#synthetic-population';
import { PostgresEventStore } from '#event-store-postgres';
import { LogInsider } from '#event-store-postgres/testing';
import { backendName, openTestDatabase } from '../support/test-database.js';

// Strings with what JSON escapes (quote, backslash, controls) and what it does not (U+2028, U+007F, non-ASCII,
// astral characters); no NUL and no lone surrogate, which jsonb refuses.
const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0001', '\u001f', '\u007f', '\u2028', 'é', '山', '\ud83d\ude00'), maxLength: 10 });
const { value: json } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 5 }),
  ),
}));
const event = fc.record({
  event_id: fc.uuid(),
  stream_id: text,
  stream_revision: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String),
  global_position: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String),
  event_type: text,
  schema_version: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  data: fc.dictionary(text, json, { maxKeys: 6 }),
  metadata: fc.dictionary(text, json, { maxKeys: 3 }),
  recorded_at: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  salt: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
});

const ARGUMENTS = 'e.event_id, e.stream_id, e.stream_revision, e.global_position, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at';

describe(`the opening of a committed event on ${backendName}`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(2);
    await db.pool.query(`CREATE FUNCTION public.opening_as_jsonb_object(${OPENING_PARAMETERS}) RETURNS text LANGUAGE sql STABLE AS $$ ${OPENING_AS_JSONB_OBJECT} $$`);
  });
  afterAll(() => db.close());

  it('is the same bytes as the jsonb object migration 300 printed, whatever the event holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 40 }), async (events) => {
        const { rows } = await db.pool.query<{ now: string; before: string }>(
          `SELECT journal.event_opening(${ARGUMENTS}, decode(e.salt, 'hex')) AS now, public.opening_as_jsonb_object(${ARGUMENTS}, decode(e.salt, 'hex')) AS before
             FROM jsonb_to_recordset($1::jsonb) AS e(event_id uuid, stream_id text, stream_revision bigint, global_position bigint, event_type text,
                  schema_version integer, data jsonb, metadata jsonb, recorded_at timestamptz, salt text)`,
          [JSON.stringify(events)],
        );
        expect(rows).toHaveLength(events.length);
        for (const row of rows) expect(row.now).toBe(row.before);
      }),
      { numRuns: 60 },
    );
  });

  it('commits appended events to those bytes: each commitment is the hash of the opening as migration 300 printed it', async () => {
    const store = new PostgresEventStore(db);
    try {
      await store.appendToStreams(subjectAppends(0, 30));
      await new LogInsider(db.pool).copyInto('oracle.events');
      const { rows } = await db.pool.query<{ n: string; same: string }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE e.commitment = sha256(convert_to(public.opening_as_jsonb_object(${ARGUMENTS}, e.commitment_salt), 'UTF8'))) AS same
           FROM oracle.events e`,
      );
      expect(Number(rows[0]!.n)).toBe(30 * 11);
      expect(rows[0]!.same).toBe(rows[0]!.n);
    } finally {
      await store.close();
    }
  });
});
