import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The parameters of `journal.event_opening`, as migration 300 declared them. */
export const OPENING_PARAMETERS = `p_event_id uuid, p_stream_id text, p_stream_revision bigint, p_global_position bigint, p_event_type text,
  p_schema_version integer, p_data jsonb, p_metadata jsonb, p_recorded_at timestamptz, p_salt bytea`;

/** The opening as migration 300 built it (what `down` restores, and what the new form is tested against). */
export const OPENING_AS_JSONB_OBJECT = `
  SELECT jsonb_build_object(
    'salt', encode(p_salt, 'hex'), 'eventId', p_event_id, 'streamId', p_stream_id, 'streamRevision', p_stream_revision::text,
    'globalPosition', p_global_position::text, 'type', p_event_type, 'schemaVersion', p_schema_version, 'data', p_data,
    'metadata', p_metadata, 'recordedAt', to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text`;

/**
 * The opening of an event (`journal.event_opening`, migration 300) is written out member by member instead of
 * built as a `jsonb` object and printed: the same bytes, for less work in the appending transaction (the row
 * trigger computes it for every event appended).
 *
 * Building the object copied the event's data and metadata into a new `jsonb` value only to print it again;
 * the members are now printed in the order `jsonb` keeps them (by key length, then bytes: data, salt, type,
 * eventId, metadata, streamId, recordedAt, schemaVersion, globalPosition, streamRevision), with its separators,
 * the strings escaped as `jsonb` escapes them (`to_json(text)`, the same escaping routine), and the data and
 * metadata as their own `jsonb` text, which is how `jsonb` prints a nested value. Every opening served so far,
 * and every commitment made, stays the same bytes (test/journal/journal-opening.spec.ts compares both forms).
 * Every caller passes every argument (a salt included); a missing one gives no opening (null).
 */
export class OpeningByConcatenation1764000000700 implements MigrationInterface {
  name = 'OpeningByConcatenation1764000000700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION journal.event_opening(${OPENING_PARAMETERS}) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT '{"data": ' || p_data::text
            || ', "salt": "' || encode(p_salt, 'hex')
            || '", "type": ' || to_json(p_event_type)::text
            || ', "eventId": "' || p_event_id::text
            || '", "metadata": ' || p_metadata::text
            || ', "streamId": ' || to_json(p_stream_id)::text
            || ', "recordedAt": "' || to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
            || '", "schemaVersion": ' || p_schema_version::text
            || ', "globalPosition": "' || p_global_position::text
            || '", "streamRevision": "' || p_stream_revision::text || '"}'
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION journal.event_opening(${OPENING_PARAMETERS}) RETURNS text LANGUAGE sql STABLE AS $$ ${OPENING_AS_JSONB_OBJECT} $$`);
  }
}
