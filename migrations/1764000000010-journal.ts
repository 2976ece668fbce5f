import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tamper-evident journal (RFC 6962 Merkle tree over the log).
 *
 * - `journal_tree` is kept by the sealer, a projection (so it restarts from its checkpoint and rebuilds
 *   blue-green): every leaf hash by its index in log order with its event id, and the root of every perfect
 *   subtree of 16 leaves or more (smaller ones are rehashed from at most 15 leaves: an eighth of the rows of
 *   keeping every node). Any proof reads O(log n) rows.
 * - `journal.signed_heads` holds every signed tree head; it is not part of the projection (a rebuild must
 *   never drop the evidence), and, like the log, it is append-only.
 * - `journal.policy` is fail-closed: with a limit set, a statement trigger on `event_store.events` refuses
 *   new events (SQLSTATE HM002) while the newest signed head is older than the limit, for every writer.
 */
export class Journal1764000000010 implements MigrationInterface {
  name = 'Journal1764000000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA journal_tree`);
    await db.query(`
      CREATE TABLE journal_tree.leaves (
        leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
        event_id   uuid NOT NULL UNIQUE,
        hash       bytea NOT NULL CHECK (length(hash) = 32)
      )`);
    await db.query(`
      CREATE TABLE journal_tree.nodes (
        level      smallint NOT NULL CHECK (level BETWEEN 4 AND 62),
        node_index bigint NOT NULL CHECK (node_index >= 0),
        hash       bytea NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (level, node_index)
      )`);

    await db.query(`CREATE SCHEMA journal`);
    await db.query(`
      CREATE TABLE journal.signed_heads (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tree_size  bigint NOT NULL CHECK (tree_size >= 0),
        root_hash  bytea NOT NULL CHECK (length(root_hash) = 32),
        signed_at  timestamptz NOT NULL,
        key_id     text NOT NULL,
        signature  bytea NOT NULL
      )`);
    await db.query(`CREATE INDEX signed_heads_size_idx ON journal.signed_heads (tree_size, signed_at)`);
    await db.query(`CREATE INDEX signed_heads_newest_idx ON journal.signed_heads (signed_at)`);
    await db.query(`
      CREATE FUNCTION journal.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'journal.signed_heads is append-only: % refused', TG_OP
          USING ERRCODE = 'HM001', HINT = 'a signed head is evidence; sign a new one';
      END $$`);
    await db.query(`
      CREATE TRIGGER signed_heads_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON journal.signed_heads
      FOR EACH STATEMENT EXECUTE FUNCTION journal.refuse_change()`);

    await db.query(`
      CREATE TABLE journal.policy (
        singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        max_head_age interval CHECK (max_head_age > interval '0')
      )`);
    await db.query(`INSERT INTO journal.policy DEFAULT VALUES`);
    await db.query(`
      CREATE FUNCTION journal.refuse_when_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_limit  interval;
        v_newest timestamptz;
      BEGIN
        SELECT p.max_head_age INTO v_limit FROM journal.policy p;
        IF v_limit IS NULL THEN RETURN NULL; END IF;
        SELECT max(h.signed_at) INTO v_newest FROM journal.signed_heads h;
        IF v_newest IS NULL OR v_newest < clock_timestamp() - v_limit THEN
          RAISE EXCEPTION 'new events are refused (fail-closed): the journal''s newest signed head is %, older than the limit of %',
            coalesce(to_char(clock_timestamp() - v_newest, 'HH24:MI:SS.MS') || ' old', 'missing'), v_limit
            USING ERRCODE = 'HM002', HINT = 'run the journal signer (the server, or himotoki project), or lift HIMOTOKI_JOURNAL_MAX_HEAD_AGE';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER events_fail_closed BEFORE INSERT ON event_store.events
      FOR EACH STATEMENT EXECUTE FUNCTION journal.refuse_when_stale()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER events_fail_closed ON event_store.events`);
    await db.query(`DROP SCHEMA journal CASCADE`);
    await db.query(`DROP SCHEMA journal_tree CASCADE`);
  }
}
