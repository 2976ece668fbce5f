import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 機関・事業者, as registered. */
@Entity({ schema: 'registry', name: 'organizations' })
export class RegisteredOrganization {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: string;
  @Column('text', { array: true }) domains!: string[];
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
}

/** 特定個人情報ファイル / a company's customer file, as registered. */
@Entity({ schema: 'registry', name: 'datasets' })
export class RegisteredDataset {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'holder_id' }) holderId!: string;
  @Column('text') name!: string;
  @Column('text') purpose!: string;
  @Column('text') domain!: string;
  @Column('text', { name: 'legal_basis', nullable: true }) legalBasis!: string | null;
  @Column('text', { name: 'keyed_by', array: true }) keyedBy!: string[];
  @Column('text', { name: 'basic4_fields', array: true }) basic4Fields!: string[];
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
}
