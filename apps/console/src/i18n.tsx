import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/** Japanese first; English on request, remembered on this device. */
export type Lang = 'ja' | 'en';

type Words = Record<string, readonly [ja: string, en: string]>;

/** The words of the pages. A key missing here shows as itself, which a test would see. */
const WORDS = {
  service: ['情報提供等記録の確認', 'Records of information provision'],
  serviceNote: ['Himotoki 個人情報の紐付け・名寄せ監査', 'Himotoki privacy audit of linkage and name-matching'],
  skip: ['本文へ移動', 'Skip to main content'],
  language: ['English', '日本語'],
  signOut: ['ログアウト', 'Sign out'],
  signedInAs: ['ログイン中', 'Signed in as'],
  timesInJst: ['日時はすべて日本時間(JST, UTC+9)です。', 'All times are Japan time (JST, UTC+9).'],
  footer: ['このページの情報はこのサーバーからのみ読み込まれ、外部には送信されません。', 'This page loads everything from this server and sends nothing elsewhere.'],
  // sign-in
  signInTitle: ['ログイン', 'Sign in'],
  signInLead: [
    '受け取ったリンクを開くと自動でログインします。トークンを受け取った場合は、下に貼り付けてください。',
    'Opening the link you were given signs you in. If you were given a token, paste it below.',
  ],
  tokenLabel: ['アクセストークン', 'Access token'],
  tokenHint: ['「eyJ」で始まる長い文字列です。このタブを閉じると消去されます。', 'A long text starting with "eyJ". It is forgotten when this tab closes.'],
  signInButton: ['ログインする', 'Sign in'],
  tokenMalformed: ['トークンの形式が正しくありません。受け取った文字列をそのまま貼り付けてください。', 'This is not a valid token. Paste the text exactly as you received it.'],
  tokenExpired: ['トークンの有効期限が切れています。新しいリンクまたはトークンを発行してもらってください。', 'The token has expired. Ask for a new link or token.'],
  tokenRefused: ['サーバーがトークンを受け付けませんでした', 'The server did not accept the token'],
  signedOut: ['ログアウトしました。', 'You have signed out.'],
  operatorNote: ['運用者の画面はこのコンソールにはありません。GraphQL(/graphql)をご利用ください。', 'There are no operator pages in this console; use GraphQL at /graphql.'],
  // navigation
  navHistory: ['私の情報提供等記録', 'My records'],
  navExposure: ['名寄せされやすさ', 'My exposure'],
  navAudits: ['監査の記録', 'Audits of my records'],
  navSubject: ['本人の検索', 'Find a person'],
  navFindings: ['検出事項', 'Findings'],
  navDatasets: ['データセットのリスク', 'Dataset risk'],
  navReport: ['報告書', 'Report'],
  navStatus: ['稼働状況', 'Status'],
  navActivity: ['当機関の記録', 'Our activity'],
  mainNav: ['メインメニュー', 'Main menu'],
  // history
  historyTitle: ['私の情報提供等記録', 'My records of information provision'],
  historyLead: [
    'あなたの情報を、いつ、どの機関が、どの機関から、何の情報を、何のために取得・利用したかの記録です。新しい順に表示しています。',
    'When, which organization obtained or used your information, from whom, which items and why. Newest first.',
  ],
  subjectHistoryTitle: ['本人の記録', "The person's records"],
  filters: ['絞り込み', 'Filter'],
  organization: ['機関', 'Organization'],
  allOrganizations: ['すべての機関', 'All organizations'],
  kind: ['種類', 'Kind'],
  allKinds: ['すべての種類', 'All kinds'],
  periodFrom: ['期間(開始日)', 'From (date)'],
  periodTo: ['期間(終了日)', 'To (date)'],
  apply: ['絞り込む', 'Apply'],
  clear: ['条件をクリア', 'Clear'],
  when: ['日時', 'When'],
  who: ['取得・利用した機関', 'Who'],
  counterparty: ['情報提供者', 'From whom'],
  items: ['情報の項目', 'Items'],
  purpose: ['目的・事務', 'Purpose'],
  legalBasis: ['根拠法令', 'Legal basis'],
  outcome: ['結果', 'Outcome'],
  staff: ['職員', 'Staff'],
  proof: ['証明', 'Proof'],
  downloadProof: ['包含証明をダウンロード', 'Download inclusion proof'],
  proofOf: ['この記録の包含証明', 'Inclusion proof of this line'],
  proofHint: ['himotoki verify --proof で検証できます', 'check it with himotoki verify --proof'],
  lines: ['件', 'lines'],
  showing: ['表示中', 'Showing'],
  of: ['/', 'of'],
  previous: ['前のページ', 'Previous page'],
  next: ['次のページ', 'Next page'],
  page: ['ページ', 'Page'],
  noLines: ['該当する記録はありません。', 'No records match.'],
  loading: ['読み込み中…', 'Loading…'],
  error: ['読み込めませんでした', 'Could not load'],
  audits: ['監査の記録', 'Audits of my records'],
  auditsLead: ['監査人(個人情報保護委員会など)があなたの記録を確認した日時と理由です。', 'When auditors (such as the Personal Information Protection Commission) looked at your records, and why.'],
  auditor: ['監査人', 'Auditor'],
  reason: ['理由', 'Reason'],
  // exposure
  exposureTitle: ['名寄せされやすさ', 'How easily my records can be matched'],
  exposureLead: [
    'あなたの記録が、他の機関の記録と結び付けられる(名寄せされる)可能性を説明します。',
    'Whether your records in different organizations could be matched to each other, and how.',
  ],
  inWords: ['説明', 'In words'],
  myRecords: ['あなたの記録', 'Your records'],
  theirRecords: ['本人の記録(データセットごと)', "The person's records, by dataset"],
  dataset: ['データセット', 'Dataset'],
  holder: ['保有機関', 'Holder'],
  matchableIn: ['一意に照合できる先', 'Can be matched one-to-one with'],
  fromLevel: ['照合できる段階', 'From level'],
  fields: ['照合に使える項目', 'Fields compared'],
  none: ['なし', 'None'],
  ties: ['紐付け', 'Ties'],
  tiesLead: ['あなたの記録どうしを結ぶ紐付けです。', 'Ties made between your records.'],
  madeBy: ['紐付けた機関', 'Made by'],
  linkedAt: ['紐付けた日時', 'Tied'],
  unlinkedAt: ['解除した日時', 'Cut'],
  live: ['有効', 'Live'],
  cut: ['解除済み', 'Cut'],
  overdue: ['解除期限超過', 'Past its cut-off'],
  measuredAt: ['測定日時', 'Measured at'],
  bestMatch: ['最も照合されやすい組み合わせ', 'The most likely match'],
  probability: ['照合確率', 'Probability'],
  // auditor
  findSubjectTitle: ['本人の検索', 'Find a person'],
  findSubjectLead: [
    '番号などの識別子から本人を特定します。検索は本人の記録に「監査」として残ります。',
    'Find a person by one of their identifiers. The search is recorded in their history as an audit.',
  ],
  identifierKind: ['識別子の種類', 'Kind of identifier'],
  identifierValue: ['識別子', 'Identifier'],
  identifierScope: ['発行機関(機関別符号・会員番号など)', 'Issuing organization (agency codes, member numbers…)'],
  search: ['検索する', 'Search'],
  orSubjectId: ['または本人ID(UUID)', 'Or the subject id (UUID)'],
  open: ['開く', 'Open'],
  notFound: ['該当する本人は見つかりませんでした。', 'No person has this identifier.'],
  subjectId: ['本人ID', 'Subject id'],
  whoAccessedTitle: ['この項目を取得・利用したのは誰か', 'Who obtained or used an item'],
  item: ['項目コード(例: INCOME)', 'Item code (e.g. INCOME)'],
  findingsTitle: ['検出事項', 'Findings'],
  findingsLead: ['ルールに反する取得・利用・紐付けの一覧です。新しい順。', 'Provisions, uses and ties that break a rule, newest first.'],
  rule: ['ルール', 'Rule'],
  severity: ['重大度', 'Severity'],
  allRules: ['すべてのルール', 'All rules'],
  allSeverities: ['すべての重大度', 'All severities'],
  detectedAt: ['検出日時', 'Detected'],
  subjects: ['本人', 'People'],
  events: ['原因となった記録', 'Causing events'],
  event: ['記録', 'Event'],
  eventTitle: ['記録の内容と包含証明', 'The event and its inclusion proof'],
  eventLead: ['改ざん検知台帳に記録されたとおりの内容です。', 'Exactly as the tamper-evident journal holds it.'],
  leafIndex: ['台帳上の位置', 'Position in the journal'],
  treeSize: ['署名時の記録数', 'Records under the signed head'],
  signedAt: ['署名日時', 'Signed at'],
  openSubject: ['この本人の記録を見る', "Open this person's records"],
  datasetsTitle: ['データセットのリスク', 'Dataset risk'],
  datasetsLead: ['データセットの再識別リスクと、二つのデータセットの照合可能性です。', 'Re-identification risk of a dataset, and how many records of two datasets can be matched.'],
  datasetId: ['データセットID', 'Dataset id'],
  datasetB: ['照合先データセットID', 'Other dataset id'],
  level: ['比較の段階', 'Level'],
  check: ['確認する', 'Check'],
  riskyDatasets: ['再識別されやすいデータセット', 'Datasets easy to single out'],
  matchablePairs: ['照合されやすい組み合わせ', 'Dataset pairs easy to match'],
  reportTitle: ['コンプライアンス報告書', 'Compliance report'],
  reportLead: ['期間を選んで報告書を作成し、HTML・CSV・JSONでダウンロードできます。', 'Make the report for a period and download it as HTML, CSV or JSON.'],
  make: ['作成する', 'Make'],
  downloadHtml: ['HTMLをダウンロード', 'Download HTML'],
  downloadCsv: ['CSVをダウンロード', 'Download CSV'],
  downloadJson: ['JSONをダウンロード', 'Download JSON'],
  statusTitle: ['稼働状況', 'Status'],
  projections: ['読み取りモデル(プロジェクション)', 'Read models (projections)'],
  journal: ['改ざん検知台帳', 'Tamper-evident journal'],
  state: ['状態', 'State'],
  position: ['位置', 'Position'],
  lag: ['遅れ(件)', 'Lag (events)'],
  sealed: ['台帳に封印済みの記録', 'Events sealed'],
  latestHead: ['最新の署名', 'Latest signed head'],
  keyId: ['鍵ID', 'Key id'],
  activityTitle: ['当機関の記録', "Our organization's activity"],
  activityLead: ['当機関が行った、または相手方となった情報提供・利用・紐付けと、当機関の検出事項です。', 'Provisions, uses and ties our organization made or was party to, and our findings.'],
  totals: ['合計', 'Totals'],
  counterparties: ['相手方', 'Counterparties'],
  count: ['件数', 'Count'],
  month: ['月', 'Month'],
  procedure: ['事務・目的', 'Procedure'],
} satisfies Words;

export type WordKey = keyof typeof WORDS;

/** Labels of the codes the API answers with; a code not listed shows as itself. */
const CODES: Record<string, Words> = {
  kind: {
    PROVISION: ['情報提供', 'Provision'],
    ACCESS: ['閲覧・利用', 'Access'],
    LINK: ['紐付け', 'Tie'],
    UNLINK: ['紐付け解除', 'Tie cut'],
    AUDIT: ['監査', 'Audit'],
  },
  outcome: {
    PROVIDED: ['提供済み', 'Provided'],
    REFUSED: ['提供拒否', 'Refused'],
    NO_DATA: ['該当なし', 'No data'],
    GRANTED: ['許可', 'Granted'],
    DENIED: ['拒否', 'Denied'],
  },
  item: {
    INCOME: ['所得情報', 'Income'],
    HOUSEHOLD: ['世帯情報', 'Household'],
    LOCAL_TAX_INCOME: ['地方税(所得)情報', 'Local tax: income'],
    LOCAL_TAX_EXEMPTION: ['地方税(非課税)情報', 'Local tax: exemption'],
    TAX_AMOUNT: ['税額', 'Tax amount'],
    WITHHOLDING_SLIP: ['源泉徴収票', 'Withholding slip'],
    SALARY_PAYMENT_REPORT: ['給与支払報告書', 'Salary payment report'],
    PENSION_BENEFIT_AMOUNT: ['年金給付額', 'Pension benefit'],
    HEALTH_INSURANCE_ELIGIBILITY: ['医療保険資格情報', 'Health insurance eligibility'],
    IDENTITY_CONFIRMATION_INFO: ['本人確認情報', 'Identity confirmation'],
    PENSION_RECORD: ['年金記録', 'Pension record'],
    MY_NUMBER: ['個人番号', 'My Number'],
    DEPENDENTS: ['扶養親族', 'Dependents'],
    SALARY: ['給与', 'Salary'],
  },
  rule: {
    PROVISION_NOT_PERMITTED: ['許されていない情報提供', 'Provision not permitted'],
    ACCESS_WITHOUT_PURPOSE: ['目的のない利用', 'Access without a purpose'],
    ACCESS_PURPOSE_NOT_REGISTERED: ['利用目的外の利用', 'Access for an unregistered purpose'],
    TIE_PAST_CUT_OFF: ['紐付けの解除漏れ', 'Tie kept past its cut-off'],
    TIE_THROUGH_MY_NUMBER: ['マイナンバーそのものによる紐付け', 'Tie through the My Number itself'],
    PRIVATE_DATASET_KEYED_BY_MY_NUMBER: ['民間データのマイナンバー管理', 'Private dataset keyed by the My Number'],
    SUCCESSION_WITHOUT_CONSENT: ['同意のない証明書の引継ぎ', 'Certificate succession without consent'],
    STAFF_MASS_ACCESS: ['大量閲覧', 'Mass access by one staff member'],
    REPEATED_DENIED_ACCESS: ['繰り返しの拒否', 'Repeated denied access'],
    RETIRED_IDENTIFIER_USED: ['失効した識別子の使用', 'Retired identifier used'],
  },
  severity: {
    CRITICAL: ['重大', 'Critical'],
    HIGH: ['高', 'High'],
    MEDIUM: ['中', 'Medium'],
  },
  level: {
    RAW: ['表記そのまま', 'As written'],
    NFKC: ['文字幅・空白の統一', 'Widths and spaces folded'],
    KANA: ['かな表記の統一', 'Kana folded'],
    VARIANT: ['異体字の統一', 'Kanji variants folded'],
    MONTH_MUNICIPALITY: ['生年月・市区町村', 'Birth month, municipality'],
    YEAR_PREFECTURE: ['生年・都道府県', 'Birth year, prefecture'],
  },
  field: {
    NAME_KANJI: ['氏名(漢字)', 'Name (kanji)'],
    NAME_KANA: ['氏名(カナ)', 'Name (kana)'],
    ADDRESS: ['住所', 'Address'],
    SEX: ['性別', 'Sex'],
    BIRTH_DATE: ['生年月日', 'Birth date'],
  },
  identifier: {
    MY_NUMBER: ['個人番号(マイナンバー)', 'My Number'],
    AGENCY_CODE: ['機関別符号', 'Agency code'],
    HEALTH_INSURANCE_NUMBER: ['被保険者番号', 'Health insurance number'],
    INTERNAL_ID: ['団体内統合宛名番号など', 'Internal id'],
    JPKI_AUTH_SERIAL: ['利用者証明用電子証明書のシリアル番号', 'JPKI authentication serial'],
    JPKI_SIGN_SERIAL: ['署名用電子証明書のシリアル番号', 'JPKI signature serial'],
    MEMBER_NUMBER: ['会員番号', 'Member number'],
    PENSION_NUMBER: ['基礎年金番号', 'Pension number'],
    RESIDENT_CODE: ['住民票コード', 'Resident code'],
  },
};

export type CodeSet = keyof typeof CODES & string;

export interface Words18n {
  lang: Lang;
  t(key: WordKey): string;
  code(set: CodeSet, value: string | null | undefined): string;
  setLang(lang: Lang): void;
}

const LangContext = createContext<Words18n | null>(null);
const STORAGE = 'himotoki.lang';

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(STORAGE) === 'en' ? 'en' : 'ja'));
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(STORAGE, lang);
  }, [lang]);
  const index = lang === 'ja' ? 0 : 1;
  const value: Words18n = {
    lang,
    setLang,
    t: (key) => WORDS[key][index],
    code: (set, value) => (value == null ? '—' : (CODES[set]?.[value]?.[index] ?? value)),
  };
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useWords(): Words18n {
  const words = useContext(LangContext);
  if (!words) throw new Error('useWords outside LangProvider');
  return words;
}

/** The API's sentence in the page's language (Explanation { ja en }). */
export function inLang(lang: Lang, sentence: { ja: string; en: string }): string {
  return lang === 'ja' ? sentence.ja : sentence.en;
}
