import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AccessHistoryKind = 'PROVISION' | 'ACCESS' | 'LINK' | 'UNLINK' | 'AUDIT' | 'CORRECTION';

/** One line of a subject's access history (情報提供等記録). Written by the projection, read through TypeORM. */
@Entity({ schema: 'access_history', name: 'entries' })
export class AccessHistoryEntry {
  @PrimaryColumn('uuid', { name: 'subject_id' }) subjectId!: string;
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('bigint', { name: 'global_position' }) globalPosition!: string;
  @Column('text') kind!: AccessHistoryKind;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  /** Who: the organization that obtained, used, tied or cut. */
  @Column('text', { name: 'organization_id' }) organizationId!: string;
  @Column('text', { name: 'staff_code', nullable: true }) staffCode!: string | null;
  /** The other party: the provider of a provision (情報提供者). */
  @Column('text', { name: 'counterparty_id', nullable: true }) counterpartyId!: string | null;
  @Column('text', { name: 'dataset_ids', array: true }) datasetIds!: string[];
  @Column('text', { array: true }) items!: string[];
  /** Why: the purpose (利用目的), the procedure (事務) of a provision, or the reason of a cut. */
  @Column('text', { nullable: true }) purpose!: string | null;
  @Column('text', { name: 'legal_basis', nullable: true }) legalBasis!: string | null;
  @Column('text', { nullable: true }) outcome!: string | null;
  /** 不開示: hidden from the subject until released. */
  @Column('boolean', { name: 'non_disclosure' }) nonDisclosure!: boolean;
  /** The provision, access or tie id the line records. */
  @Column('text', { name: 'source_id' }) sourceId!: string;
  @Column('jsonb') detail!: Record<string, unknown>;
  /** The tie (紐付け) a LINK or UNLINK line made or cut. */
  @Column('text', { name: 'tie_id', nullable: true }) tieId!: string | null;
  /** The purpose in English, where the platform words it (an auditor's query: 監査の目的). */
  @Column('text', { name: 'purpose_en', nullable: true }) purposeEn!: string | null;
}
