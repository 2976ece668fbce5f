import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal, v2: every event's commitment (約束) is made in the transaction that appends it.
 *
 * - `journal.commitments` holds, per event, a random 32-byte salt and the commitment
 *   SHA-256(UTF-8 of `journal.event_opening(the event's columns, salt)`), written by a statement trigger on
 *   `event_store.events`: every insert, by any writer, commits its events in its own transaction, so no
 *   committed event is ever without its leaf, and the sealer combines 32-byte hashes only. The leaf hash is
 *   RFC 6962's SHA-256(0x00 ‖ commitment); the public tiles and entry bundles show the commitment, never the
 *   event (the salt keeps a guessable event from being confirmed by hashing guesses).
 * - The opening is the event as PostgreSQL's jsonb text (a deterministic serialization the database
 *   produces: members sorted by length then bytes, `": "` and `", "` separators), with the salt beside the
 *   fields. It is served verbatim beside an inclusion proof; an outsider hashes the bytes served.
 * - Events appended before this migration have no commitment: their leaves stay v1 (the canonical JSON of
 *   the event, hashed by the sealer), so the tree signed so far is extended, never rewritten.
 * - `journal.commitment_start` records the first global position appended under v2: an event at or after it
 *   without a commitment was inserted with the triggers off (the monitor reports it).
 */
export class JournalCommitments1764000000300 implements MigrationInterface {
  name = 'JournalCommitments1764000000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE journal.commitments (
        event_id   uuid PRIMARY KEY,
        salt       bytea NOT NULL CHECK (length(salt) = 32),
        commitment bytea NOT NULL CHECK (length(commitment) = 32)
      )`);
    await db.query(`
      CREATE TRIGGER commitments_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON journal.commitments
      FOR EACH STATEMENT EXECUTE FUNCTION journal.refuse_change()`);
    await db.query(`CREATE TABLE journal.commitment_start (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), global_position bigint NOT NULL)`);
    await db.query(`INSERT INTO journal.commitment_start (global_position) SELECT coalesce(max(global_position), 0) + 1 FROM event_store.events`);

    // The opening: what the commitment is the hash of. Times in UTC to the microsecond, as stored.
    await db.query(`
      CREATE FUNCTION journal.event_opening(
        p_event_id uuid, p_stream_id text, p_stream_revision bigint, p_global_position bigint, p_event_type text,
        p_schema_version integer, p_data jsonb, p_metadata jsonb, p_recorded_at timestamptz, p_salt bytea
      ) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object(
          'salt', encode(p_salt, 'hex'),
          'eventId', p_event_id,
          'streamId', p_stream_id,
          'streamRevision', p_stream_revision::text,
          'globalPosition', p_global_position::text,
          'type', p_event_type,
          'schemaVersion', p_schema_version,
          'data', p_data,
          'metadata', p_metadata,
          'recordedAt', to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        )::text
      $$`);
    // Salt: two random UUIDs' bytes (244 random bits), so that no extension (pgcrypto) is needed.
    await db.query(`
      CREATE FUNCTION journal.commit_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO journal.commitments (event_id, salt, commitment)
        SELECT s.event_id, s.salt, sha256(convert_to(journal.event_opening(s.event_id, s.stream_id, s.stream_revision, s.global_position, s.event_type, s.schema_version, s.data, s.metadata, s.recorded_at, s.salt), 'UTF8'))
          FROM (SELECT n.*, uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) AS salt FROM new_events n) s;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER events_commit AFTER INSERT ON event_store.events
      REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION journal.commit_events()`);

    // For the verifier and the monitor: each event's commitment recomputed from the event as stored now, beside
    // the one made at commit. Rows for the ids found in either table; an id in neither gives no row.
    await db.query(`
      CREATE FUNCTION journal.recomputed_commitments(p_event_ids uuid[])
      RETURNS TABLE (event_id uuid, event_found boolean, committed bytea, recomputed bytea) LANGUAGE sql STABLE AS $$
        SELECT coalesce(e.event_id, c.event_id), e.event_id IS NOT NULL, c.commitment,
               CASE WHEN e.event_id IS NOT NULL AND c.salt IS NOT NULL THEN sha256(convert_to(journal.event_opening(e.event_id, e.stream_id, e.stream_revision, e.global_position, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, c.salt), 'UTF8')) END
          FROM (SELECT * FROM event_store.events WHERE event_id = ANY(p_event_ids)) e
          FULL JOIN (SELECT * FROM journal.commitments WHERE event_id = ANY(p_event_ids)) c ON c.event_id = e.event_id
      $$`);
    // The opening of one event, as served beside its proof (null for a v1 event, or one not found).
    await db.query(`
      CREATE FUNCTION journal.opening_of(p_event_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT journal.event_opening(e.event_id, e.stream_id, e.stream_revision, e.global_position, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at, c.salt) FROM event_store.events e JOIN journal.commitments c ON c.event_id = e.event_id WHERE e.event_id = p_event_id
      $$`);
    // Events at or after the v2 start without a commitment (inserted with triggers off), from a position on.
    await db.query(`
      CREATE FUNCTION journal.uncommitted_events(p_after bigint, p_limit integer)
      RETURNS TABLE (global_position bigint, event_id uuid) LANGUAGE sql STABLE AS $$
        SELECT e.global_position, e.event_id FROM event_store.events e
         WHERE e.global_position > greatest(p_after, (SELECT s.global_position - 1 FROM journal.commitment_start s))
           AND NOT EXISTS (SELECT 1 FROM journal.commitments c WHERE c.event_id = e.event_id)
         ORDER BY e.global_position LIMIT p_limit
      $$`);

    // Witness cosignatures of the log's checkpoints (tlog-cosignature), kept as evidence, append-only.
    await db.query(`
      CREATE TABLE journal.cosignatures (
        id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tree_size bigint NOT NULL CHECK (tree_size >= 0),
        root_hash bytea NOT NULL CHECK (length(root_hash) = 32),
        witness   text NOT NULL,
        line      text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tree_size, root_hash, witness)
      )`);
    await db.query(`
      CREATE TRIGGER cosignatures_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON journal.cosignatures
      FOR EACH STATEMENT EXECUTE FUNCTION journal.refuse_change()`);

    // Fail-closed with witnesses: with min_cosignatures = K, a head counts as fresh only once K witnesses have
    // cosigned its checkpoint (its size and root).
    await db.query(`ALTER TABLE journal.policy ADD COLUMN min_cosignatures integer NOT NULL DEFAULT 0 CHECK (min_cosignatures >= 0)`);
    await db.query(`
      CREATE OR REPLACE FUNCTION journal.refuse_when_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_limit  interval;
        v_k      integer;
        v_newest timestamptz;
      BEGIN
        SELECT p.max_head_age, p.min_cosignatures INTO v_limit, v_k FROM journal.policy p;
        IF v_limit IS NULL THEN RETURN NULL; END IF;
        IF v_k = 0 THEN
          SELECT max(h.signed_at) INTO v_newest FROM journal.signed_heads h;
        ELSE
          SELECT h.signed_at INTO v_newest FROM journal.signed_heads h
           WHERE (SELECT count(DISTINCT c.witness) FROM journal.cosignatures c WHERE c.tree_size = h.tree_size AND c.root_hash = h.root_hash) >= v_k
           ORDER BY h.signed_at DESC LIMIT 1;
        END IF;
        IF v_newest IS NULL OR v_newest < clock_timestamp() - v_limit THEN
          RAISE EXCEPTION 'new events are refused (fail-closed): the journal''s newest signed head% is %, older than the limit of %',
            CASE WHEN v_k > 0 THEN format(' cosigned by %s witnesses', v_k) ELSE '' END,
            coalesce(to_char(clock_timestamp() - v_newest, 'HH24:MI:SS.MS') || ' old', 'missing'), v_limit
            USING ERRCODE = 'HM002', HINT = 'run the journal signer (the server, or himotoki project) and its witnesses, or lift HIMOTOKI_JOURNAL_MAX_HEAD_AGE';
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE journal.policy DROP COLUMN min_cosignatures`);
    await db.query(`DROP TABLE journal.cosignatures`);
    await db.query(`DROP TRIGGER events_commit ON event_store.events`);
    await db.query(`DROP FUNCTION journal.uncommitted_events(bigint, integer), journal.opening_of(uuid), journal.recomputed_commitments(uuid[]), journal.commit_events(), journal.event_opening(uuid, text, bigint, bigint, text, integer, jsonb, jsonb, timestamptz, bytea)`);
    await db.query(`DROP TABLE journal.commitment_start, journal.commitments`);
  }
}
