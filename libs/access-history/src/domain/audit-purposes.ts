/**
 * Why an auditor looked, in words (監査の目的): what a citizen's AUDIT line says instead of the API's
 * operation name. An operation this table does not know is still said in words, with its name beside.
 */
const PURPOSES: Readonly<Record<string, readonly [ja: string, en: string]>> = {
  accessHistory: ['アクセス履歴の確認', 'review of the access history'],
  'subject.accessHistory': ['番号から特定した本人のアクセス履歴の確認', 'review of the access history of a person found by an identifier'],
  subject: ['番号による本人の特定', 'identification of a person by an identifier'],
  whoAccessed: ['情報を入手・利用した機関の確認', 'review of who obtained or used an item of information'],
  exposure: ['名寄せのリスクの確認', 'review of name-matching exposure'],
  linkage: ['紐付けの状況の確認', 'review of ties between records'],
  findings: ['指摘事項（違反の疑い）の確認', 'review of compliance findings'],
  complianceReport: ['定期報告書の作成', 'preparation of a compliance report'],
  stream: ['記録の原本（イベント）の確認', 'review of the stored events'],
  inclusionProof: ['記録が改ざんされていないことの検証', 'verification that a record is in the tamper-evident journal'],
};

export function auditPurpose(operation: string): { ja: string; en: string } {
  const known = PURPOSES[operation];
  return known ? { ja: known[0], en: known[1] } : { ja: `監査人による照会（${operation}）`, en: `an auditor's query (${operation})` };
}
