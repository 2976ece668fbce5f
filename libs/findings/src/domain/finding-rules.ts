/** How grave a finding is: what a PPC-style report sorts and counts by. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Words for people, in Japanese (the reader's language) and in English. */
export interface Bilingual {
  ja: string;
  en: string;
}

/** A compliance rule as people read it: its title, why it matters and the statute it rests on, in both languages. */
export interface FindingRuleText {
  severity: Severity;
  title: Bilingual;
  reason: Bilingual;
  statute: Bilingual;
}

/**
 * The compliance rules (検出ルール), each with its severity, its title and reason in Japanese and English, and the
 * statute it rests on. The identifiers are those the synthetic population's manifest plants and the read model
 * stores, so they never change; the words may.
 */
export const FINDING_RULES = {
  /**
   * 別表第二外の情報提供: the My Number Act allows a provision of specific personal information only under a row of
   * appended table 2 naming the requester, the procedure (事務), the provider and the items. The provider breaks
   * art. 19 (提供の制限) and the requester art. 20 (収集の制限), so each provision is a finding for both parties.
   */
  PROVISION_NOT_PERMITTED: {
    severity: 'HIGH',
    title: { ja: '別表第二に基づかない特定個人情報の提供', en: 'Provision outside every permitted row' },
    reason: {
      ja: '照会者・事務・提供者・情報項目のいずれかが別表第二の行に該当しない提供です。提供者は提供の制限（第19条）に、照会者は収集の制限（第20条）に反します。',
      en: 'a provision outside every permitted-provision row (My Number Act art. 19, appended table 2): the provider broke the limit on provision (art. 19), the requester the limit on collection (art. 20)',
    },
    statute: { ja: '番号法第19条・第20条、別表第二', en: 'My Number Act arts. 19 and 20, appended table 2' },
  },
  /** An access with no stated purpose cannot be shown to be within the purpose (利用目的) the dataset may be used for. */
  ACCESS_WITHOUT_PURPOSE: {
    severity: 'MEDIUM',
    title: { ja: '利用目的の記録がない利用', en: 'Access with no purpose recorded' },
    reason: {
      ja: '利用目的が記録されていないため、特定された利用目的の範囲内の利用であることを示せません。',
      en: 'an access with no purpose: its lawfulness cannot be shown (APPI art. 18, My Number Act art. 9)',
    },
    statute: { ja: '個人情報保護法第18条、番号法第9条', en: 'APPI art. 18, My Number Act art. 9' },
  },
  /** 利用目的外利用: using personal information beyond the purpose the dataset was registered for. */
  ACCESS_PURPOSE_NOT_REGISTERED: {
    severity: 'HIGH',
    title: { ja: '利用目的外の利用', en: 'Use beyond the registered purpose' },
    reason: {
      ja: 'ファイルの登録された利用目的と異なる目的での利用です（目的外利用）。',
      en: 'use beyond the purpose the dataset was registered for (利用目的外利用; APPI art. 18, My Number Act art. 9)',
    },
    statute: { ja: '個人情報保護法第18条、番号法第9条', en: 'APPI art. 18, My Number Act art. 9' },
  },
  /** 紐付けの解除漏れ: a tie kept past its expected cut-off keeps records joinable after the purpose that justified it. */
  TIE_PAST_CUT_OFF: {
    severity: 'MEDIUM',
    title: { ja: '紐付けの解除漏れ', en: 'Tie kept past its cut-off' },
    reason: {
      ja: '解除予定日を過ぎても紐付けが残っており、利用を終えた後も記録が突合できる状態です。',
      en: 'a tie kept past its expected cut-off (紐付けの解除漏れ): records stay joinable after their use',
    },
    statute: { ja: '個人情報保護法第22条（不要となった個人データの消去）', en: 'APPI art. 22 (erasing personal data no longer needed)' },
  },
  /**
   * Organizations exchange information through agency codes (機関別符号) so that the My Number itself never becomes the
   * join key between them; a tie through the My Number across organizations defeats that separation (分散管理).
   */
  TIE_THROUGH_MY_NUMBER: {
    severity: 'HIGH',
    title: { ja: '個人番号による機関間の紐付け', en: 'Tie between organizations through the My Number' },
    reason: {
      ja: '機関間の突合には機関別符号を用いるべきところ、個人番号そのもので紐付けています（分散管理の潜脱）。',
      en: 'a tie between organizations through the My Number itself, where agency codes (機関別符号) belong',
    },
    statute: { ja: '番号法第9条・第21条（情報提供ネットワークシステム）', en: 'My Number Act art. 9, art. 21 (the information provision network)' },
  },
  /**
   * The My Number may be collected and kept only for tax, social-security and disaster procedures (My Number Act
   * arts. 9, 20); a private file keyed by it is unlawful collection in bulk.
   */
  PRIVATE_DATASET_KEYED_BY_MY_NUMBER: {
    severity: 'CRITICAL',
    title: { ja: '個人番号をキーとする民間ファイル', en: 'Private dataset keyed by the My Number' },
    reason: {
      ja: '税・社会保障・災害対策の手続以外で、民間事業者が個人番号をキーとするファイルを作成しています（特定個人情報ファイルの作成制限違反）。',
      en: 'a private-sector dataset keyed by the My Number outside tax and social-security procedures (My Number Act arts. 9, 20)',
    },
    statute: { ja: '番号法第9条・第20条（特定個人情報ファイルの作成の制限を含む）', en: 'My Number Act arts. 9 and 20 (and the limit on making specific personal information files)' },
  },
  /**
   * The JPKI serial changes at each renewal so that the holder's past and future cannot be joined; linking old to new
   * needs the holder's consent (公的個人認証法, 電子証明書の紐付け).
   */
  SUCCESSION_WITHOUT_CONSENT: {
    severity: 'HIGH',
    title: { ja: '本人の同意のない電子証明書の紐付け', en: 'Certificate succession without consent' },
    reason: {
      ja: '電子証明書のシリアル番号の新旧の対応付けに、有効な本人の同意がありません。',
      en: "a JPKI serial succession without the subject's consent in force (JPKI Act)",
    },
    statute: { ja: '公的個人認証法（電子証明書の新旧の紐付けは本人の同意による）', en: 'JPKI Act (linking old and new certificates needs the holder\'s consent)' },
  },
  /** One staff member looking up many people in a short time is the pattern of the large leaks (大量閲覧). */
  STAFF_MASS_ACCESS: {
    severity: 'CRITICAL',
    title: { ja: '職員による大量閲覧', en: 'Mass access by one staff member' },
    reason: {
      ja: '一人の職員が1時間以内に多数の本人の情報を閲覧しており、大規模漏えいの典型的な兆候です。',
      en: 'one staff code reaching many distinct subjects within an hour: the pattern of large leaks',
    },
    statute: { ja: '番号法第12条（安全管理措置）、個人情報保護法第23条', en: 'My Number Act art. 12 (security control), APPI art. 23' },
  },
  /** Repeated refusals show someone probing for information they are not entitled to. */
  REPEATED_DENIED_ACCESS: {
    severity: 'MEDIUM',
    title: { ja: '拒否された閲覧の繰り返し', en: 'Repeated denied accesses' },
    reason: {
      ja: '同じ職員の閲覧が短期間に繰り返し拒否されており、権限外の情報を探っている疑いがあります。',
      en: 'repeated denied accesses by one staff code: probing for information beyond its role',
    },
    statute: { ja: '番号法第12条（安全管理措置）、個人情報保護法第23条', en: 'My Number Act art. 12 (security control), APPI art. 23' },
  },
  /** A retired identifier (rotated, leaked, expired) must not name anyone any more; using one shows a stale or leaked copy in use. */
  RETIRED_IDENTIFIER_USED: {
    severity: 'HIGH',
    title: { ja: '失効した番号の使用', en: 'Retired identifier used' },
    reason: {
      ja: '失効（変更・漏えい・期限切れ）した番号で本人を特定しており、古い写しや漏えいした番号が使われています。',
      en: 'an event naming its subject by an identifier after that identifier was retired',
    },
    statute: { ja: '番号法第7条第2項（個人番号の変更）・第12条', en: 'My Number Act art. 7(2) (change of number), art. 12' },
  },
  /**
   * 個人番号関係事務の範囲外の利用: a private business may handle a My Number only for the tax and social-security
   * paperwork the Act assigns it (e.g. an employer's withholding slips); a point-card shop looking a member up by it,
   * or keeping it in a member record, is use and keeping outside that scope.
   */
  MY_NUMBER_OUTSIDE_PERMITTED_USE: {
    severity: 'HIGH',
    title: { ja: '個人番号関係事務以外での個人番号の利用・保管', en: 'My Number used or kept outside its permitted use' },
    reason: {
      ja: '民間事業者が個人番号関係事務（税・社会保障の手続）以外で個人番号により本人を特定し、または個人番号を保管しています。',
      en: 'a private business naming a person by the My Number, or keeping it, outside the tax and social-security paperwork the Act allows (個人番号関係事務)',
    },
    statute: { ja: '番号法第19条・第20条', en: 'My Number Act arts. 19 and 20' },
  },
} as const satisfies Record<string, FindingRuleText>;

export type FindingRule = keyof typeof FINDING_RULES;
export const FINDING_RULE_NAMES = Object.keys(FINDING_RULES) as FindingRule[];

export const severityOf = (rule: FindingRule): Severity => FINDING_RULES[rule].severity;

/** Which party of a provision a PROVISION_NOT_PERMITTED finding is booked to, and the article that party broke. */
export const PROVISION_PARTIES = {
  PROVIDER: { ja: '提供者（番号法第19条 提供の制限）', en: 'provider (My Number Act art. 19, limit on provision)' },
  REQUESTER: { ja: '照会者（番号法第20条 収集の制限）', en: 'requester (My Number Act art. 20, limit on collection)' },
} as const satisfies Record<string, Bilingual>;
export type ProvisionParty = keyof typeof PROVISION_PARTIES;
