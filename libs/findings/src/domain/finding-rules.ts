/** How grave a finding is: what a PPC-style report sorts and counts by. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The compliance rules (検出ルール), each with its severity and why it matters. The names are those the synthetic
 * population's manifest plants, so a findings run can be scored against it.
 */
export const FINDING_RULES = {
  /**
   * 別表第二外の情報提供: the My Number Act (art. 19) allows a provision of specific personal information only under a
   * row of appended table 2 naming the requester, the procedure (事務), the provider and the items; anything else is an
   * unlawful provision.
   */
  PROVISION_NOT_PERMITTED: { severity: 'HIGH', reason: 'a provision outside every permitted-provision row (My Number Act art. 19, appended table 2)' },
  /** An access with no stated purpose cannot be shown to be within the purpose (利用目的) the dataset may be used for. */
  ACCESS_WITHOUT_PURPOSE: { severity: 'MEDIUM', reason: 'an access with no purpose: its lawfulness cannot be shown (APPI art. 18, My Number Act art. 9)' },
  /** 利用目的外利用: using personal information beyond the purpose the dataset was registered for. */
  ACCESS_PURPOSE_NOT_REGISTERED: { severity: 'HIGH', reason: 'use beyond the purpose the dataset was registered for (利用目的外利用; APPI art. 18, My Number Act art. 9)' },
  /** 紐付けの解除漏れ: a tie kept past its expected cut-off keeps records joinable after the purpose that justified it. */
  TIE_PAST_CUT_OFF: { severity: 'MEDIUM', reason: 'a tie kept past its expected cut-off (紐付けの解除漏れ): records stay joinable after their use' },
  /**
   * Organizations exchange information through agency codes (機関別符号) so that the My Number itself never becomes the
   * join key between them; a tie through the My Number across organizations defeats that separation (分散管理).
   */
  TIE_THROUGH_MY_NUMBER: { severity: 'HIGH', reason: 'a tie between organizations through the My Number itself, where agency codes (機関別符号) belong' },
  /**
   * The My Number may be collected and kept only for tax, social-security and disaster procedures (My Number Act
   * arts. 9, 20); a private file keyed by it is unlawful collection in bulk.
   */
  PRIVATE_DATASET_KEYED_BY_MY_NUMBER: { severity: 'CRITICAL', reason: 'a private-sector dataset keyed by the My Number outside tax and social-security procedures (My Number Act arts. 9, 20)' },
  /**
   * The JPKI serial changes at each renewal so that the holder's past and future cannot be joined; linking old to new
   * needs the holder's consent (公的個人認証法, 電子証明書の紐付け).
   */
  SUCCESSION_WITHOUT_CONSENT: { severity: 'HIGH', reason: "a JPKI serial succession without the subject's consent in force (JPKI Act)" },
  /** One staff member looking up many people in a short time is the pattern of the large leaks (大量閲覧). */
  STAFF_MASS_ACCESS: { severity: 'CRITICAL', reason: 'one staff code reaching many distinct subjects within an hour: the pattern of large leaks' },
  /** Repeated refusals show someone probing for information they are not entitled to. */
  REPEATED_DENIED_ACCESS: { severity: 'MEDIUM', reason: 'repeated denied accesses by one staff code: probing for information beyond its role' },
  /** A retired identifier (rotated, leaked, expired) must not name anyone any more; using one shows a stale or leaked copy in use. */
  RETIRED_IDENTIFIER_USED: { severity: 'HIGH', reason: 'an event naming its subject by an identifier after that identifier was retired' },
} as const satisfies Record<string, { severity: Severity; reason: string }>;

export type FindingRule = keyof typeof FINDING_RULES;
export const FINDING_RULE_NAMES = Object.keys(FINDING_RULES) as FindingRule[];

export const severityOf = (rule: FindingRule): Severity => FINDING_RULES[rule].severity;
