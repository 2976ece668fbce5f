/**
 * Oversight bodies that audit without registering as an organization (監査機関): an auditor's token names its
 * organization by id, and the citizen's AUDIT line should still say who looked. A registration, when there is
 * one, wins over this table.
 */
export interface KnownAuthority {
  id: string;
  name: string;
  nameEn: string;
  kind: 'MINISTRY';
  domains: string[];
}

export const KNOWN_AUTHORITIES: readonly KnownAuthority[] = [
  { id: 'ppc', name: '個人情報保護委員会', nameEn: 'Personal Information Protection Commission', kind: 'MINISTRY', domains: ['TAX', 'SOCIAL_SECURITY', 'DISASTER', 'PRIVATE'] },
  { id: 'digital-agency', name: 'デジタル庁', nameEn: 'Digital Agency', kind: 'MINISTRY', domains: ['TAX', 'SOCIAL_SECURITY', 'DISASTER'] },
  { id: 'mic', name: '総務省', nameEn: 'Ministry of Internal Affairs and Communications', kind: 'MINISTRY', domains: ['TAX', 'SOCIAL_SECURITY', 'DISASTER'] },
];

const BY_ID = new Map(KNOWN_AUTHORITIES.map((a) => [a.id, a]));

export const knownAuthority = (id: string): KnownAuthority | undefined => BY_ID.get(id);
