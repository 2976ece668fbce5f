import fc from 'fast-check';
import type { Database } from '#database';
import { validateStreamId, type EventToAppend, type StreamAppend } from '#event-store';
import { PostgresEventStore, switchJournalCommitments } from '#event-store-postgres';
import { LogInsider } from '#event-store-postgres/testing';
import { OPENING_AS_JSONB_OBJECT, OPENING_PARAMETERS } from '../../migrations/1764000000700-opening-by-concatenation.js';
import { backendName, openTestDatabase } from '../support/test-database.js';

// What JSON escapes (quote, backslash, controls) and what it does not (U+2028, U+007F, non-ASCII, astral).
const units = ['a', 'Z', '0', ' ', '"', '\\', '/', '\b', '\n', '\t', '\u0001', '\u001f', '\u007f', '\u2028', 'é', '山', '\ud83d\ude00'];
const text = fc.string({ unit: fc.constantFrom(...units), maxLength: 8 });
const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v).replaceAll('\\u0000', '')) as unknown);
const payload = fc.dictionary(text, json, { maxKeys: 5 }) as fc.Arbitrary<EventToAppend['data']>;
const event = (type: fc.Arbitrary<string>) => fc.record({ id: fc.uuid(), type, schemaVersion: fc.integer({ min: 1, max: 2 ** 31 - 1 }), data: payload, metadata: payload });
const streamId = text.map((s) => `s${s}.`).filter((s) => {
  try {
    return validateStreamId(s) === s;
  } catch {
    return false;
  }
});

const ARGUMENTS = 'e.event_id, e.stream_id, e.stream_revision, e.global_position, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, e.commitment_salt';

/**
 * The append computes each event's commitment in its own INSERT (salts from the adapter, or drawn by the database
 * for a caller that sends none), and the trigger only for a row inserted without one: whichever way an event comes
 * in, its commitment is SHA-256 of the opening migration 300 printed, over the event as stored.
 */
describe(`the commitment made at append on ${backendName}`, () => {
  let db: Database;
  let store: PostgresEventStore;
  let log: LogInsider;
  let copies = 0;
  let runs = 0;
  beforeAll(async () => {
    db = await openTestDatabase(2);
    await db.pool.query(`CREATE FUNCTION public.opening_as_jsonb_object(${OPENING_PARAMETERS}) RETURNS text LANGUAGE sql STABLE AS $$ ${OPENING_AS_JSONB_OBJECT} $$`);
    store = new PostgresEventStore(db);
    log = new LogInsider(db.pool);
  });
  afterAll(async () => {
    await store.close();
    await db.close();
  });

  /** Every stored event: how many, how many committed to the bytes of migration 300, and how many distinct salts. */
  async function committed(): Promise<{ n: number; same: number; salted: number; salts: number }> {
    const table = `oracle.events_${copies++}`;
    await log.copyInto(table);
    const { rows } = await db.pool.query<{ n: string; same: string; salted: string; salts: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE e.commitment = sha256(convert_to(public.opening_as_jsonb_object(${ARGUMENTS}), 'UTF8'))) AS same,
              count(*) FILTER (WHERE length(e.commitment_salt) = 32) AS salted, count(DISTINCT e.commitment_salt) AS salts
         FROM ${table} e`,
    );
    return { n: Number(rows[0]!.n), same: Number(rows[0]!.same), salted: Number(rows[0]!.salted), salts: Number(rows[0]!.salts) };
  }

  it('commits every event to the bytes migration 300 printed, through the store, the append function and a plain INSERT', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ streamId, events: fc.array(event(fc.constantFrom('a', 'x.Y-1', 'c:d')), { minLength: 1, maxLength: 4 }) }), { selector: (a) => a.streamId, minLength: 1, maxLength: 4 }),
        fc.array(event(text.filter((t) => t.length > 0)), { minLength: 1, maxLength: 4 }),
        async (appends, direct) => {
          const tag = `-${runs++}`;
          const streams: StreamAppend[] = appends.map((a) => ({ streamId: a.streamId + tag, events: a.events, expected: 'no_stream' }));
          await store.appendToStreams(streams);
          await store.appendToStream(`one${tag}`, streams[0]!.events.map((e) => ({ ...e, id: crypto.randomUUID() })));
          await log.append(`direct "\\${tag}`, 'any', direct.map((e) => ({ ...e, id: crypto.randomUUID() })));
          await log.insert({ streamId: `inserted${tag}`, revision: 0, eventId: crypto.randomUUID(), type: 'x', data: { 'a"\\': '\u2028' } });
          const c = await committed();
          expect(c).toEqual({ n: c.n, same: c.n, salted: c.n, salts: c.n });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('commits nothing while switched off, and commits again once switched on', async () => {
    const before = await committed();
    const subject = (n: number): StreamAppend => ({ streamId: `switched-${n}`, events: [{ id: crypto.randomUUID(), type: 't', schemaVersion: 1, data: { n }, metadata: {} }], expected: 'no_stream' });
    await switchJournalCommitments(db.pool, false);
    try {
      await store.appendToStreams([subject(1), subject(2)]);
      await store.appendToStreams([subject(3)]);
      await log.insert({ streamId: 'switched-4', revision: 0, eventId: crypto.randomUUID(), type: 'x' });
    } finally {
      await switchJournalCommitments(db.pool, true);
    }
    await store.appendToStreams([subject(5), subject(6)]);
    const after = await committed();
    expect(after).toEqual({ n: before.n + 6, same: before.same + 2, salted: before.salted + 2, salts: before.salts + 2 });
  });
});
