import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The linkage (紐付け) and name-matching exposure (名寄せ) read models. */
export class LinkageExposure1764000000005 implements MigrationInterface {
  name = 'LinkageExposure1764000000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA linkage`);
    await db.query(`
      CREATE TABLE linkage.records (
        record_id     text PRIMARY KEY,
        dataset_id    text NOT NULL,
        subject_id    uuid NOT NULL,
        identifiers   text[] NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX records_subject_idx ON linkage.records (subject_id)`);
    // No pending list: a subject's lookup would otherwise scan every entry not yet merged.
    await db.query(`CREATE INDEX records_identifiers_idx ON linkage.records USING gin (identifiers) WITH (fastupdate = off)`);
    await db.query(`
      CREATE TABLE linkage.ties (
        link_id             text PRIMARY KEY,
        record_a            text NOT NULL,
        record_b            text NOT NULL,
        dataset_a           text NOT NULL,
        dataset_b           text NOT NULL,
        subject_a           uuid NOT NULL,
        subject_b           uuid NOT NULL,
        key_by              text NOT NULL,
        identifier_kind     text,
        organization_id     text NOT NULL,
        staff_code          text NOT NULL,
        purpose             text NOT NULL,
        legal_basis         text,
        linked_at           timestamptz NOT NULL,
        expected_cut_off_at timestamptz,
        linked_position     bigint NOT NULL,
        unlinked_at         timestamptz,
        unlink_reason       text,
        unlinked_position   bigint
      )`);
    await db.query(`CREATE INDEX ties_subject_a_idx ON linkage.ties (subject_a)`);
    await db.query(`CREATE INDEX ties_subject_b_idx ON linkage.ties (subject_b) WHERE subject_b <> subject_a`);
    await db.query(`
      CREATE TABLE linkage.identifiers (
        fingerprint           text PRIMARY KEY,
        subject_id            uuid NOT NULL,
        kind                  text NOT NULL,
        scope                 text,
        issued_at             timestamptz NOT NULL,
        valid_until           timestamptz,
        retired_at            timestamptz,
        retired_reason        text,
        successor_fingerprint text,
        succession_consent    text
      )`);
    await db.query(`CREATE INDEX identifiers_subject_idx ON linkage.identifiers (subject_id)`);

    await db.query(`CREATE SCHEMA exposure`);
    // fields: the basic-4 fields of a key as bits (NAME_KANJI 1, NAME_KANA 2, BIRTH_DATE 4, SEX 8, ADDRESS 16);
    // level: the index of the exposure level (RAW 0 … YEAR_PREFECTURE 5).
    await db.query(`
      CREATE TABLE exposure.datasets (
        id      text PRIMARY KEY,
        fields  smallint NOT NULL,
        records int NOT NULL
      )`);
    await db.query(`
      CREATE TABLE exposure.records (
        record_id  text PRIMARY KEY,
        dataset_id text NOT NULL,
        subject_id uuid NOT NULL,
        basic4     jsonb NOT NULL,
        -- the record's key over its dataset's fields at each level (index = level + 1)
        own_keys   uuid[] NOT NULL,
        name_kanji text,
        name_kana  text,
        birth_date text,
        sex        text,
        address    text
      )`);
    await db.query(`CREATE INDEX exposure_records_subject_idx ON exposure.records (subject_id)`);
    await db.query(`CREATE INDEX exposure_records_dataset_idx ON exposure.records (dataset_id)`);
    // Blocking keys of the Fellegi–Sunter comparison: candidates share a name or a birth date (equality only,
    // so hash indexes: a 4-byte code per row instead of the 64-character fingerprint).
    await db.query(`CREATE INDEX exposure_records_name_kanji_idx ON exposure.records USING hash (name_kanji)`);
    await db.query(`CREATE INDEX exposure_records_name_kana_idx ON exposure.records USING hash (name_kana)`);
    await db.query(`CREATE INDEX exposure_records_birth_date_idx ON exposure.records USING hash (birth_date)`);
    await db.query(`
      CREATE TABLE exposure.classes (
        fields     smallint NOT NULL,
        level      smallint NOT NULL,
        key        uuid NOT NULL,
        dataset_id text NOT NULL,
        size       int NOT NULL CHECK (size > 0),
        PRIMARY KEY (fields, level, key, dataset_id)
      )`);
    await db.query(`
      CREATE TABLE exposure.class_sizes (
        dataset_id text NOT NULL,
        level      smallint NOT NULL,
        class_size int NOT NULL,
        classes    int NOT NULL,
        PRIMARY KEY (dataset_id, level, class_size)
      )`);
    await db.query(`
      CREATE TABLE exposure.pair_matches (
        dataset_a text NOT NULL,
        dataset_b text NOT NULL,
        level     smallint NOT NULL,
        fields    smallint NOT NULL,
        matches   int NOT NULL,
        PRIMARY KEY (dataset_a, dataset_b, level, fields)
      )`);
    await db.query(`
      CREATE TABLE exposure.term_frequencies (
        field   text NOT NULL,
        value   text NOT NULL,
        records int NOT NULL,
        PRIMARY KEY (field, value)
      )`);
    await db.query(`
      CREATE TABLE exposure.field_frequencies (
        field       text PRIMARY KEY,
        records     bigint NOT NULL,
        sum_squares bigint NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA exposure CASCADE`);
    await db.query(`DROP SCHEMA linkage CASCADE`);
  }
}
