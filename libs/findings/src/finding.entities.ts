import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A finding decided when its events arrived (検出事項). Written by the projection; read through FindingQueries. */
@Entity({ schema: 'findings', name: 'findings' })
export class StoredFinding {
  /** The rule and the first event that broke it: stable across replays. */
  @PrimaryColumn('text', { name: 'finding_id' }) findingId!: string;
  @Column('text') rule!: string;
  /** The organization that broke the rule. */
  @Column('text', { name: 'organization_id' }) organizationId!: string;
  /** The subject concerned, where there is one (none for a dataset or a staff episode). */
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId!: string | null;
  /** Every subject concerned, for "findings about me". */
  @Column('uuid', { name: 'subject_ids', array: true }) subjectIds!: string[];
  @Column('text', { name: 'staff_code', nullable: true }) staffCode!: string | null;
  /** When the first causing event happened. */
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  /** When the rule was broken: what "as of" and a report's period are judged by. */
  @Column('timestamptz', { name: 'detected_at' }) detectedAt!: Date;
  /** When the last causing event happened. */
  @Column('timestamptz', { name: 'last_at' }) lastAt!: Date;
  @Column('uuid', { name: 'event_ids', array: true }) eventIds!: string[];
  @Column('bigint', { name: 'global_positions', array: true }) globalPositions!: string[];
  @Column('jsonb') detail!: Record<string, unknown>;
}

/** A tie with an expected cut-off (紐付け), and its cut when made: TIE_PAST_CUT_OFF is decided from it as of a time. */
@Entity({ schema: 'findings', name: 'ties' })
export class TieWithCutOff {
  @PrimaryColumn('text', { name: 'link_id' }) linkId!: string;
  @Column('uuid', { name: 'link_event_id' }) linkEventId!: string;
  @Column('bigint', { name: 'link_position' }) linkPosition!: string;
  @Column('text', { name: 'organization_id' }) organizationId!: string;
  @Column('text', { name: 'staff_code' }) staffCode!: string;
  @Column('uuid', { name: 'subject_id' }) subjectId!: string;
  @Column('uuid', { name: 'subject_ids', array: true }) subjectIds!: string[];
  @Column('timestamptz', { name: 'linked_at' }) linkedAt!: Date;
  @Column('timestamptz', { name: 'expected_cut_off_at' }) expectedCutOffAt!: Date;
  @Column('timestamptz', { name: 'cut_at', nullable: true }) cutAt!: Date | null;
}
