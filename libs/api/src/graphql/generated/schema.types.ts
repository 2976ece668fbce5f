import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A 64-bit integer (a global position in the log, a stream revision), as a decimal string. */
  BigInt: { input: string; output: string; }
  /** An instant, ISO 8601 with a time zone (e.g. 2024-04-01T09:00:00+09:00). Answers give it in UTC (…Z), for machines; sentences for people (explanations, findings, reports) give Japan time with the zone stated (2024年4月1日 09:00 JST). */
  DateTime: { input: string; output: string; }
  /** Any JSON value, as stored in an event. */
  JSON: { input: unknown; output: unknown; }
};

/** How the information was accessed. */
export type AccessChannel =
  /** Through an API, system to system. */
  | 'API'
  /** By batch processing (バッチ処理). */
  | 'BATCH'
  /** At a service counter (窓口). */
  | 'COUNTER'
  /** On paper (紙). */
  | 'PAPER'
  /** At a terminal (端末), on screen. */
  | 'TERMINAL';

/** A page of an access history (Relay connection). */
export type AccessHistoryConnection = {
  __typename?: 'AccessHistoryConnection';
  /** The lines of this page, newest first. */
  edges: Array<AccessHistoryEdge>;
  /** Whether more pages follow, and the cursors to reach them. */
  pageInfo: PageInfo;
  /** How many lines match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of an access-history connection. */
export type AccessHistoryEdge = {
  __typename?: 'AccessHistoryEdge';
  /** An opaque cursor for this line; pass it as `after` to start the next page after it. */
  cursor: Scalars['String']['output'];
  /** The line. */
  node: AccessHistoryEntry;
};

/** One line of a subject's access history. */
export type AccessHistoryEntry = {
  __typename?: 'AccessHistoryEntry';
  /** The other party: the provider (情報提供者) of a provision. */
  counterparty: Maybe<Organization>;
  /** The datasets concerned, by id: the dataset used, the two a tie joined or a cut separated. */
  datasets: Array<Scalars['String']['output']>;
  /** The event's position in the global log. */
  globalPosition: Scalars['BigInt']['output'];
  /** The id of the event the line records. */
  id: Scalars['ID']['output'];
  /** The items of personal information concerned (特定個人情報の項目), by code. */
  items: Array<Scalars['String']['output']>;
  /** What the line records: a provision, an access, a tie, a cut or an audit. */
  kind: AccessHistoryKind;
  /** The legal basis (根拠法令), where one was given. */
  legalBasis: Maybe<Scalars['String']['output']>;
  /** The datasets concerned, with their names and holders. */
  namedDatasets: Array<DatasetReference>;
  /** The items concerned, with their Japanese and English names and categories. */
  namedItems: Array<Item>;
  /** Whether the line is under a non-disclosure flag (不開示). Citizens never see such lines. */
  nonDisclosure: Scalars['Boolean']['output'];
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** Who: the organization that obtained, used, tied, cut or audited. */
  organization: Organization;
  /** PROVIDED, REFUSED or NO_DATA for a provision; GRANTED or DENIED for an access. */
  outcome: Maybe<Scalars['String']['output']>;
  /** Why: the purpose (利用目的), the procedure of a provision (事務), the reason of a cut, or what the auditor looked for (e.g. アクセス履歴の確認). */
  purpose: Maybe<Scalars['String']['output']>;
  /** The purpose in English, where the platform words it (an auditor's query); null where the sender gave the purpose in its own words. */
  purposeEn: Maybe<Scalars['String']['output']>;
  /** The staff member (職員), or the auditor, who acted. */
  staffCode: Maybe<Scalars['String']['output']>;
  /** The tie (紐付け) a LINK line made or an UNLINK line cut, by its link id; null for other lines. */
  tieId: Maybe<Scalars['ID']['output']>;
};

/** Narrows an access history. All given conditions must hold. */
export type AccessHistoryFilter = {
  /** Lines at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Lines that concern this item of information: its code (e.g. LOCAL_TAX_INCOME) or its name in the item catalogue (e.g. 地方税関係情報). */
  item?: InputMaybe<Scalars['String']['input']>;
  /** Lines of these kinds only. */
  kinds?: InputMaybe<Array<AccessHistoryKind>>;
  /** Lines where this organization acted or was the counterparty. */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Lines whose purpose, procedure or reason contains this text. */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** Lines before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** What a line of the access history records. */
export type AccessHistoryKind =
  /** 閲覧・利用: an organization's staff member used the subject's information in a dataset. */
  | 'ACCESS'
  /** An auditor queried the subject's information (who audits the auditors). */
  | 'AUDIT'
  /** 訂正: an operator corrected a recorded event that concerned the subject (annulled it, or replaced its data); the purpose says why, the staff code who. */
  | 'CORRECTION'
  /** 紐付け: two records of the subject were tied. */
  | 'LINK'
  /** 情報提供: an organization obtained the subject's information from another. */
  | 'PROVISION'
  /** 紐付け解除: a tie was cut. */
  | 'UNLINK';

/** Records an access (閲覧・利用): a staff member used a subject's information in a dataset. */
export type AccessInformationInput = {
  /** The access's id, chosen by the sender and used once: 1–128 letters, digits or . _ : -. */
  accessId: Scalars['ID']['input'];
  /** How the information was accessed. */
  channel: AccessChannel;
  /** The dataset accessed; it must be registered. */
  datasetId: Scalars['ID']['input'];
  /** The items of personal information (特定個人情報の項目): 1 to 64 codes or names of the item catalogue (`items`), e.g. LOCAL_TAX_INCOME or 地方税関係情報; stored as codes, an unknown one refused. */
  items: Array<Scalars['String']['input']>;
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** The organization whose staff member accessed; it must be registered. */
  organizationId: Scalars['ID']['input'];
  /** Whether the access was granted or denied. */
  outcome: AccessOutcome;
  /** The purpose of use (利用目的); may be absent, which is a finding, not an error. */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** The staff member (職員) who acted: their staff code, 1–64 letters, digits or . _ -. */
  staffCode: Scalars['String']['input'];
  /** An identifier naming the subject, as written (fingerprinted, never stored). */
  subject: IdentifierInput;
};

/** Whether an access was allowed. */
export type AccessOutcome =
  /** The access was denied. */
  | 'DENIED'
  /** The access was granted. */
  | 'GRANTED';

/** The kind of an activity line. */
export type ActivityKind =
  /** 閲覧・利用: a staff member used a subject's information. */
  | 'ACCESS'
  /** 紐付け: a tie made between two records. */
  | 'LINK'
  /** 情報提供: a provision of information between organizations. */
  | 'PROVISION'
  /** 紐付け解除: a tie cut. */
  | 'UNLINK';

/** Activity of one organization, counterparty, kind, procedure and month. */
export type ActivityRow = {
  __typename?: 'ActivityRow';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The provider of a provision; null for other kinds. */
  counterparty: Maybe<ReportParty>;
  /** What was done. */
  kind: ActivityKind;
  /** The month, YYYY-MM in Japan time. */
  month: Scalars['String']['output'];
  /** Of those, provisions still under a non-disclosure flag. */
  nonDisclosed: Scalars['Int']['output'];
  /** Who acted: the requester of a provision, the maker or cutter of a tie, the organization whose staff accessed. */
  organization: ReportParty;
  /** 事務 of a provision, purpose of a tie or access, reason of a cut; null when none was given. */
  procedure: Maybe<Scalars['String']['output']>;
  /** Of those, provisions refused or accesses denied. */
  refused: Scalars['Int']['output'];
};

/** Provisions, ties, cuts and accesses in the period. */
export type ActivitySection = {
  __typename?: 'ActivitySection';
  /** Per month (Japan time). */
  months: Array<MonthlyActivity>;
  /** Per organization, counterparty, kind, procedure and month. */
  rows: Array<ActivityRow>;
  /** Totals over the period. */
  totals: ActivityTotals;
};

/** Totals of the period's activity. */
export type ActivityTotals = {
  __typename?: 'ActivityTotals';
  /** 閲覧・利用: accesses. */
  accesses: Scalars['Int']['output'];
  /** Accesses denied. */
  accessesDenied: Scalars['Int']['output'];
  /** 紐付け解除: ties cut. */
  cuts: Scalars['Int']['output'];
  /** 不開示: provisions of the period still under a non-disclosure flag when the report was made. */
  nonDisclosed: Scalars['Int']['output'];
  /** 情報提供: provisions requested in the period. */
  provisions: Scalars['Int']['output'];
  /** Provisions answered with no data. */
  provisionsNoData: Scalars['Int']['output'];
  /** Provisions refused by the provider. */
  provisionsRefused: Scalars['Int']['output'];
  /** 紐付け: ties made. */
  ties: Scalars['Int']['output'];
};

/** Corrects a record's basic-4 information (a move, a change of name). */
export type AmendRecordInput = {
  /** The fields amended (at least one), which replace the old values; only the fields the dataset holds. */
  basic4: Basic4Input;
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** Why it was amended (e.g. a move), at most 200 characters. */
  reason: Scalars['String']['input'];
  /** The record to amend; it must be registered. */
  recordId: Scalars['ID']['input'];
};

/** Whether the read models have applied a log transaction (the `applied` query). */
export type AppliedTransaction = {
  __typename?: 'AppliedTransaction';
  /** True once every read model has applied every event of the transaction (at once for one that holds none). */
  applied: Scalars['Boolean']['output'];
  /**
   * The read models that have not yet, by projection name. One that is parked stays here until its event is
   * corrected (see `projections`).
   */
  pending: Array<Scalars['String']['output']>;
  /** The transaction asked about. */
  transactionId: Scalars['BigInt']['output'];
};

/** The basic-4 information (基本4情報) a dataset may hold. */
export type Basic4Field =
  /** Address (住所). */
  | 'ADDRESS'
  /** Date of birth (生年月日). */
  | 'BIRTH_DATE'
  /** Name reading in kana (氏名のふりがな). */
  | 'NAME_KANA'
  /** Name in kanji (氏名). */
  | 'NAME_KANJI'
  /** Sex (性別). */
  | 'SEX';

/** Basic-4 information (基本4情報) as a dataset holds it; fingerprinted at every normalization level, never stored. */
export type Basic4Input = {
  /** Address as written; the prefecture may be left out for a designated city. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** Date of birth: 1985-01-02, 1985/01/02 or 和暦 (昭和60年1月2日, S60.1.2). */
  birthDate?: InputMaybe<Scalars['String']['input']>;
  /** Name reading in kana. */
  nameKana?: InputMaybe<Scalars['String']['input']>;
  /** Name in kanji, as written (old forms, spaces and width are fine). */
  nameKanji?: InputMaybe<Scalars['String']['input']>;
  /** Sex (性別). */
  sex?: InputMaybe<Sex>;
};

/**
 * Splink's Fellegi–Sunter model: exact comparisons per field with term-frequency adjustment, m probabilities
 * NAME_KANJI 0.95, NAME_KANA 0.95, BIRTH_DATE 0.98, SEX 0.99, ADDRESS 0.80, u from chance agreement, prior
 * 1 / (n_B + 1); values compared at VARIANT; candidates share a name or the birth date.
 */
export type BestMatch = {
  __typename?: 'BestMatch';
  /** The basic-4 fields on which the two records agree. */
  agreeingFields: Array<Basic4Field>;
  /** The dataset of the subject's record; null when it is not registered. */
  from: Maybe<Dataset>;
  /** log2 of the posterior odds. */
  matchWeight: Scalars['Float']['output'];
  /** The posterior match probability, from 0 to 1. */
  probability: Scalars['Float']['output'];
  /** The other dataset, holding the record it would be matched to; null when it is not registered. */
  to: Maybe<Dataset>;
};

/** Words for people in Japanese (the reader's language) and English. */
export type BilingualText = {
  __typename?: 'BilingualText';
  /** In English. */
  en: Scalars['String']['output'];
  /** In Japanese (日本語). */
  ja: Scalars['String']['output'];
};

/** A breach-report category (報告対象事態). */
export type BreachCategory =
  /** 規則第2条第1号: a leak of My Numbers held by an agency for number-use work. */
  | 'NUMBER_SYSTEM_LEAK'
  /** 規則第2条第5号: more than 100 people. */
  | 'OVER_100_PEOPLE'
  /** 規則第2条第4号: used or provided against the My Number Act art. 9 or 19. */
  | 'UNLAWFUL_USE_OR_PROVISION'
  /** 規則第2条第2号: possibly done for a wrongful purpose. */
  | 'WRONGFUL_PURPOSE';

/** A category of the PPC's rule. */
export type BreachCategoryInfo = {
  __typename?: 'BreachCategoryInfo';
  /** Where the rule states it. */
  basis: Scalars['String']['output'];
  /** The category. */
  code: BreachCategory;
  /** What it means, in English. */
  english: Scalars['String']['output'];
  /** Its name in the rule's words. */
  name: Scalars['String']['output'];
};

/** A breach report drafted from the events; fields events cannot know are marked for the organization to fill. */
export type BreachReportDraft = {
  __typename?: 'BreachReportDraft';
  /** The categories it meets. */
  categories: Array<BreachCategory>;
  /** 原因. */
  cause: DraftField;
  /** Global positions of the events. */
  evidence: Array<Scalars['BigInt']['output']>;
  /** The first event. */
  firstOccurredAt: Scalars['DateTime']['output'];
  /** 項目: the items of personal information involved. */
  items: Array<Scalars['String']['output']>;
  /** The last event. */
  lastOccurredAt: Scalars['DateTime']['output'];
  /** The organization that must report. */
  organization: ReportParty;
  /** 本人の数: the people involved. */
  peopleAffected: Scalars['Int']['output'];
  /** 再発防止のための措置. */
  prevention: DraftField;
  /** 公表の実施状況. */
  publication: DraftField;
  /** 本人への対応の実施状況. */
  responseToPeople: DraftField;
  /** 二次被害又はそのおそれの有無及びその内容. */
  secondaryHarm: DraftField;
  /** How many of each signal. */
  signals: Array<BreachSignalCount>;
  /** 概要. */
  summary: Scalars['String']['output'];
};

/** Drafts of breach reports (漏えい等報告). */
export type BreachSection = {
  __typename?: 'BreachSection';
  /** The categories applied. */
  categories: Array<BreachCategoryInfo>;
  /** False when the findings are not available: only categories events alone show are drafted. */
  complete: Scalars['Boolean']['output'];
  /** One draft per organization and kind of incident. */
  drafts: Array<BreachReportDraft>;
  /** What is missing, if anything. */
  note: Maybe<Scalars['String']['output']>;
  /** The incidents of the year to the end of the period, as the PIA's serious incidents (重大事故) count them. */
  pastYear: Array<PastYearIncident>;
  /** The signals (finding rules, leaked identifiers) drafts are drawn from. */
  signals: Array<Scalars['String']['output']>;
};

/** How many times a signal occurred in an incident. */
export type BreachSignalCount = {
  __typename?: 'BreachSignalCount';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The signal: a finding rule or MY_NUMBER_LEAKED. */
  source: Scalars['String']['output'];
};

/** One bar of a chart: a range of class sizes (1, 2, 3-4, 5-9, 10-19, 20+) and a count. */
export type Bucket = {
  __typename?: 'Bucket';
  /** The range of class sizes (of k, for `datasetsByK`): 1, 2, 3-4, 5-9, 10-19 or 20+. */
  bucket: Scalars['String']['output'];
  /** How many records, subjects or datasets fall in the range. */
  count: Scalars['Int']['output'];
};

/** A record's class size at one level. */
export type ClassSize = {
  __typename?: 'ClassSize';
  /** f_k: how many records of the dataset share the record's key at that level (1 = unique). */
  classSize: Scalars['Int']['output'];
  /** The level the key is compared at. */
  level: ExposureLevel;
};

/** One bar of a dataset's class-size histogram. */
export type ClassSizeCount = {
  __typename?: 'ClassSizeCount';
  /** A class size f_k. */
  classSize: Scalars['Int']['output'];
  /** How many equivalence classes have that size. */
  classes: Scalars['Int']['output'];
};

/** What a command stored. Sent again with the same commandId, a command stores nothing and answers the same events. */
export type CommandResult = {
  __typename?: 'CommandResult';
  /** False when the command had been stored before: nothing new was written. */
  applied: Scalars['Boolean']['output'];
  /** The command's id, as sent. */
  commandId: Scalars['ID']['output'];
  /** The events the command stored, in order (when sent again: those it stored the first time). */
  events: Array<StoredEventRef>;
  /**
   * The log transaction its events entered (the first time, when sent again), as a decimal string: every one of them
   * carries it. On PostgreSQL the writing transaction's id, on KurrentDB its commit position: a reader of the log has
   * the command's events once it has read that transaction. Null when the command stored no event.
   */
  transactionId: Maybe<Scalars['BigInt']['output']>;
};

/** A compliance report: every figure is counted from the event store and its read models. */
export type ComplianceReport = {
  __typename?: 'ComplianceReport';
  /** 情報提供等の状況: provisions, ties, cuts and accesses. */
  activity: ActivitySection;
  /** 漏えい等報告(案): incidents that meet a reporting category, drafted with the report form's fields. */
  breachReports: BreachSection;
  /** 名寄せリスク: name-matching exposure of subjects and datasets. */
  exposure: ExposureSection;
  /** 指摘事項: compliance findings that occurred in the period, evaluated as of its end. */
  findings: FindingsSection;
  /** When the report was made. */
  generatedAt: Scalars['DateTime']['output'];
  /** The organization the report is limited to; null for every organization. */
  organization: Maybe<ReportParty>;
  /** The period covered: from (inclusive) to (exclusive). */
  period: ReportPeriod;
  /** 特定個人情報保護評価: the assessment each dataset calls for under the PPC's threshold rule. */
  privacyImpactAssessments: PiaSection;
  /** 紐付けの管理状況: ties live and overdue at the end of the period, and how long ties live. */
  tieHygiene: TieHygieneSection;
};

/**
 * A consistency proof (整合性証明): that the tree of `toSize` events extends the tree of `fromSize` — the first
 * `fromSize` events are exactly those that were there, in the same order. RFC 9162 §2.1.4.2.
 */
export type ConsistencyProof = {
  __typename?: 'ConsistencyProof';
  /** The whole proof as a document (format himotoki-journal-proof/v2, or v1 for an event sealed before the commitments began), to save and check offline. */
  document: Scalars['JSON']['output'];
  /** The head signed at `fromSize`, if one was (otherwise `fromRoot` is the server's word alone). */
  fromHead: Maybe<SignedTreeHead>;
  /** The root of the tree of `fromSize`, lowercase hex. */
  fromRoot: Scalars['String']['output'];
  /** The earlier size. */
  fromSize: Scalars['BigInt']['output'];
  /** The proof's hashes, lowercase hex. */
  proof: Array<Scalars['String']['output']>;
  /** The head signed at `toSize`, if one was. */
  toHead: Maybe<SignedTreeHead>;
  /** The root of the tree of `toSize`, lowercase hex. */
  toRoot: Scalars['String']['output'];
  /** The later size. */
  toSize: Scalars['BigInt']['output'];
};

/**
 * Corrects a recorded event that a read model cannot process, or that must not be shown as written. The log is
 * never changed: a correction is a new event that refers to the original, and read models honour it.
 */
export type CorrectEventInput = {
  /** ANNUL or SUPERSEDE. */
  action: CorrectionAction;
  /** For SUPERSEDE: the fields to replace (the others are kept from the original); the result must be valid for the event's type. */
  correctedData?: InputMaybe<Scalars['JSON']['input']>;
  /** The event to correct (its id, as /health names a parked projection's event). */
  eventId: Scalars['ID']['input'];
  /** When the correction is made, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** Why the event is corrected: shown to auditors, and to the people it concerned. */
  reason: Scalars['String']['input'];
  /** The stream holding it (as /health names it, e.g. access-<accessId>). */
  streamId: Scalars['String']['input'];
};

/** What a correction does to the event it refers to. */
export type CorrectionAction =
  /** The event is skipped by every read model, as if it had not been recorded; it stays in the log. */
  | 'ANNUL'
  /** The event is read with the corrected data in its place; it stays in the log as written. */
  | 'SUPERSEDE';

/** A dataset: what it is for, under which law, keyed by which identifiers, holding which basic-4 fields. */
export type Dataset = {
  __typename?: 'Dataset';
  /** The basic-4 fields (基本4情報) its records hold. */
  basic4Fields: Array<Basic4Field>;
  /** The domain the dataset is used in. */
  domain: Domain;
  /** The organization that holds the dataset (保有者). */
  holder: Organization;
  /** The dataset's id, as it was registered. */
  id: Scalars['ID']['output'];
  /** The kinds of identifier its records are keyed by. */
  keyedBy: Array<IdentifierKind>;
  /** 根拠法令 */
  legalBasis: Maybe<Scalars['String']['output']>;
  /** The dataset's name (e.g. 課税台帳). */
  name: Scalars['String']['output'];
  /** 利用目的 */
  purpose: Scalars['String']['output'];
  /** When it was registered (the registration's time of occurrence). */
  registeredAt: Scalars['DateTime']['output'];
};

/** A page of datasets (Relay connection). */
export type DatasetConnection = {
  __typename?: 'DatasetConnection';
  /** The datasets of this page, in id order. */
  edges: Array<DatasetEdge>;
  /** Whether more pages follow, and the cursors to reach them. */
  pageInfo: PageInfo;
  /** How many datasets match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a page of datasets. */
export type DatasetEdge = {
  __typename?: 'DatasetEdge';
  /** An opaque cursor for this dataset; pass it as `after` to start the next page after it. */
  cursor: Scalars['String']['output'];
  /** The dataset. */
  node: Dataset;
};

/** Narrows a list of datasets. All given conditions must hold. */
export type DatasetFilter = {
  /** Datasets used in this domain. */
  domain?: InputMaybe<Domain>;
  /** Datasets held by this organization. */
  holderId?: InputMaybe<Scalars['ID']['input']>;
  /** Datasets keyed by this kind of identifier (e.g. MY_NUMBER). */
  keyedBy?: InputMaybe<IdentifierKind>;
  /** Datasets whose name, id or purpose contains this text. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** One dataset's threshold assessment. */
export type DatasetPia = {
  __typename?: 'DatasetPia';
  /** The assessments to carry out, by their Japanese names. */
  assessments: Array<Scalars['String']['output']>;
  /** The dataset. */
  dataset: ReportDataset;
  /** The level the rule gives. */
  level: PiaLevel;
  /** 対象人数: people with a record in it at the end of the period. */
  peopleCovered: Scalars['Int']['output'];
  /** Why, in words. */
  reason: Scalars['String']['output'];
  /** 重大事故: breach-report drafts of its holder in that year. */
  seriousIncidentsPastYear: Scalars['Int']['output'];
  /** Whether it holds the My Number (特定個人情報ファイル). */
  specificPersonalInformationFile: Scalars['Boolean']['output'];
  /** 取扱者数: staff granted access to it in the year before the end of the period. */
  staffWithAccess: Scalars['Int']['output'];
};

/** A dataset named in an answer: its id and, when it was registered, its name and holder. */
export type DatasetReference = {
  __typename?: 'DatasetReference';
  /** The organization that holds it; null when it was never registered. */
  holder: Maybe<Organization>;
  /** The dataset's id, as events name it. */
  id: Scalars['ID']['output'];
  /** Its registered name (e.g. 課税台帳); null when it was never registered. */
  name: Maybe<Scalars['String']['output']>;
};

/** Re-identification risk of one dataset at one level. */
export type DatasetRisk = {
  __typename?: 'DatasetRisk';
  /** Number of equivalence classes. */
  classes: Scalars['Int']['output'];
  /** The dataset. */
  dataset: Maybe<Dataset>;
  /** ER / n. */
  expectedReidentificationRate: Scalars['Float']['output'];
  /** ER = Σ 1/f_k (sdcMicro's global_risk_ER with unit weights). */
  expectedReidentifications: Scalars['Float']['output'];
  /** Equivalence classes by size. */
  histogram: Array<ClassSizeCount>;
  /** k-anonymity: the smallest class (0 for an empty dataset). */
  k: Scalars['Int']['output'];
  /** The level its keys were compared at. */
  level: ExposureLevel;
  /** Prosecutor-model risk (ARX's sample summary). */
  prosecutor: ProsecutorRisk;
  /** n */
  records: Scalars['Int']['output'];
  /** Share of records alone in their class. */
  sampleUniqueness: Scalars['Float']['output'];
};

/** Domains in which identifiers and information are used. */
export type Domain =
  /** Disaster response (災害対策). */
  | 'DISASTER'
  /** Private-sector use, outside the My Number's three domains (民間利用). */
  | 'PRIVATE'
  /** Social security (社会保障). */
  | 'SOCIAL_SECURITY'
  /** Tax (税). */
  | 'TAX';

/** A field of a breach report. */
export type DraftField = {
  __typename?: 'DraftField';
  /** What the field asks for, in the form's words. */
  asks: Scalars['String']['output'];
  /** What the events show, if anything. */
  text: Maybe<Scalars['String']['output']>;
  /** True when the organization must write or complete it. */
  toFill: Scalars['Boolean']['output'];
};

/** Enrolls a subject (本人) with their first identifiers; the subject's opaque id is derived from the `commandId`. */
export type EnrollSubjectInput = {
  /** The enrolling organization; it must be registered. */
  enrolledBy: Scalars['ID']['input'];
  /** The identifiers issued to the subject: 1 to 20, none issued before. */
  identifiers: Array<IssuedIdentifierInput>;
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
};

/** A reason in words, for the person it concerns. */
export type Explanation = {
  __typename?: 'Explanation';
  /** English */
  en: Scalars['String']['output'];
  /** 日本語 */
  ja: Scalars['String']['output'];
  /** LINKAGE, TIE, OVERDUE_TIE, MY_NUMBER_TIE, IDENTIFIER_LIFETIME, CLASS_SIZE, MATCHABILITY or MATCH_PROBABILITY. */
  topic: Scalars['String']['output'];
};

/** A subject's name-matching exposure (名寄せされやすさ): how easily their records can be singled out and joined. */
export type Exposure = {
  __typename?: 'Exposure';
  /** The instant that decides which records count and the linkage and tie hygiene (see `measuredAt`). */
  asOf: Scalars['DateTime']['output'];
  /** The highest Fellegi–Sunter probability of a record of the subject being matched to a record of another dataset. */
  bestMatch: Maybe<BestMatch>;
  /** Every figure above, in words. */
  explanations: Array<Explanation>;
  /** The subject's linkage (紐付け) as of `asOf`, as `linkage(subjectId:)` gives it. */
  linkage: Linkage;
  /** The cheapest level at which some record is uniquely matchable; null when none is. */
  lowestUniqueLevel: Maybe<ExposureLevel>;
  /**
   * When the class sizes, the uniquely matchable datasets and the best match were measured (現在の記録で測定): always
   * at the time of asking, whatever `asOf` says. The read model keeps today's equivalence classes only, so `asOf`
   * moves which records count and the linkage and tie hygiene, not those figures.
   */
  measuredAt: Scalars['DateTime']['output'];
  /** Each of the subject's records registered by `asOf`, with its class sizes and unique matches. */
  records: Array<RecordExposure>;
  /** The subject (本人): their opaque subject id. */
  subjectId: Scalars['ID']['output'];
  /** Distinct other datasets where some record of the subject is uniquely matchable, at any level. */
  uniquelyMatchableDatasets: Scalars['Int']['output'];
};

/** Subjects at one level of exposure. */
export type ExposureBucket = {
  __typename?: 'ExposureBucket';
  /** The level, in words. */
  label: Scalars['String']['output'];
  /** How many subjects. */
  subjects: Scalars['Int']['output'];
};

/** Distributions of exposure over the whole population at one level, for charts. */
export type ExposureDistribution = {
  __typename?: 'ExposureDistribution';
  /** Datasets by k. */
  datasetsByK: Array<Bucket>;
  /** The level the keys were compared at. */
  level: ExposureLevel;
  /** Records by the size of their class in their own dataset. */
  recordsByClassSize: Array<Bucket>;
  /** Subjects by the smallest class any of their records falls in. */
  subjectsBySmallestClass: Array<Bucket>;
};

/**
 * How a record's quasi-identifier key (name, birth date, sex, address) is compared, cheapest match first.
 * The four normalization levels compare the full birth date and the full normalized address; the two
 * generalization levels fold names at VARIANT.
 */
export type ExposureLevel =
  /** Katakana/hiragana and widths folded, long-vowel marks unified. かな表記の統一 */
  | 'KANA'
  /** VARIANT names, birth year-month, municipality. 生年月・市区町村に一般化 */
  | 'MONTH_MUNICIPALITY'
  /** Unicode NFKC, spaces of every width removed. 文字幅・空白の統一 */
  | 'NFKC'
  /** Names as written (trimmed). 表記そのまま */
  | 'RAW'
  /** Kanji variants folded (髙→高, 﨑→崎, 邊→辺 …). 異体字の統一 */
  | 'VARIANT'
  /** VARIANT names, birth year, prefecture. 生年・都道府県に一般化 */
  | 'YEAR_PREFECTURE';

/** Name-matching exposure. */
export type ExposureSection = {
  __typename?: 'ExposureSection';
  /** Whether the exposure read model is available; when not, the section shows no figures. */
  available: Scalars['Boolean']['output'];
  /** How many subjects have each level of exposure. */
  distribution: Array<ExposureBucket>;
  /** The most matchable dataset pairs. */
  matchablePairs: Array<MatchableDatasetPair>;
  /** Why the section is not available, if it is not. */
  note: Maybe<Scalars['String']['output']>;
  /** Datasets with k = 1 or a high sample uniqueness. */
  riskyDatasets: Array<RiskyDataset>;
};

/** A compliance finding (検出事項): a rule broken, by whom, about whom, when, and the events that broke it. */
export type Finding = {
  __typename?: 'Finding';
  /** What the rule looked at: the dataset and purposes, the procedure and items, the retirement, the consent, the window. */
  detail: Scalars['JSON']['output'];
  /** When the rule was broken: for a staff episode, when the threshold was crossed; for a tie, its expected cut-off. */
  detectedAt: Scalars['DateTime']['output'];
  /** The events that broke the rule, in log order. */
  events: Array<FindingEvent>;
  /** Why the rule matters, in Japanese and English. */
  explanation: BilingualText;
  /** Stable across replays: the rule and the first event that broke it. */
  id: Scalars['ID']['output'];
  /** When the first event that broke the rule happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** The organization that broke the rule. */
  organization: Organization;
  /**
   * For a provision, which party this finding is booked to: PROVIDER (it gave, My Number Act art. 19) or REQUESTER
   * (it asked and collected, art. 20); null for the other rules.
   */
  party: Maybe<Scalars['String']['output']>;
  /** Why the rule matters, in a sentence (English; `explanation` gives it in Japanese too). */
  reason: Scalars['String']['output'];
  /** The rule broken. */
  rule: FindingRule;
  /** How grave it is. */
  severity: FindingSeverity;
  /** The staff member (職員) who acted, for accesses and ties. */
  staffCode: Maybe<Scalars['String']['output']>;
  /** The statute the rule rests on (根拠法令), e.g. 番号法第19条. */
  statute: BilingualText;
  /** How many subjects the finding concerns. */
  subjectCount: Scalars['Int']['output'];
  /** The subject concerned, where there is one (none for a dataset, nor for a staff episode reaching several people). */
  subjectId: Maybe<Scalars['ID']['output']>;
  /** The rule's title (検出ルール名), in Japanese and English. */
  title: BilingualText;
};

/** A page of findings (Relay connection), newest detection first. */
export type FindingConnection = {
  __typename?: 'FindingConnection';
  /** The findings of this page, newest detection first. */
  edges: Array<FindingEdge>;
  /** Whether more pages follow, and the cursors to reach them. */
  pageInfo: PageInfo;
  /** How many findings match in all. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a findings connection. */
export type FindingEdge = {
  __typename?: 'FindingEdge';
  /** An opaque cursor for this finding; pass it as `after` to start the next page after it. */
  cursor: Scalars['String']['output'];
  /** The finding. */
  node: Finding;
};

/** An event that broke the rule. */
export type FindingEvent = {
  __typename?: 'FindingEvent';
  /** The event's id. */
  eventId: Scalars['ID']['output'];
  /** The event's position in the global log. */
  globalPosition: Scalars['BigInt']['output'];
};

/** Narrows the findings. All given conditions must hold. */
export type FindingFilter = {
  /** Findings detected at or after this instant (the start of a reporting period). */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Findings of this organization (the one that broke the rule). */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Findings of this rule only. */
  rule?: InputMaybe<FindingRule>;
  /** Findings of this severity only. */
  severity?: InputMaybe<FindingSeverity>;
  /** Findings concerning this subject (本人), alone or among others. */
  subjectId?: InputMaybe<Scalars['ID']['input']>;
  /** Findings detected before this instant (the end of a reporting period). */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** How many findings of one rule and severity an organization has. */
export type FindingGroup = {
  __typename?: 'FindingGroup';
  /** How many findings. */
  count: Scalars['Int']['output'];
  /** The organization. */
  organization: ReportParty;
  /** The rule, e.g. PROVISION_NOT_PERMITTED. */
  rule: Scalars['String']['output'];
  /** Its severity. */
  severity: Scalars['String']['output'];
};

/** A compliance rule a finding breaks (検出ルール). Each has a title, a reason and a statute in Japanese and English (`Finding.title`, `Finding.explanation`, `Finding.statute`). */
export type FindingRule =
  /** An access for a purpose the dataset was not registered for (利用目的外利用). */
  | 'ACCESS_PURPOSE_NOT_REGISTERED'
  /** An access with no purpose (利用目的): its lawfulness cannot be shown. */
  | 'ACCESS_WITHOUT_PURPOSE'
  /** A private business naming a person by the My Number (an access, a provision) or keeping it in a record, outside the tax and social-security paperwork it may do (個人番号関係事務): My Number Act arts. 19, 20. */
  | 'MY_NUMBER_OUTSIDE_PERMITTED_USE'
  /** A private-sector dataset keyed by the My Number outside tax and social-security procedures (My Number Act arts. 9, 20). */
  | 'PRIVATE_DATASET_KEYED_BY_MY_NUMBER'
  /** A provision outside every permitted-provision row (requester, procedure, provider, items): a finding for the provider (My Number Act art. 19) and one for the requester (art. 20), appended table 2 (別表第二). */
  | 'PROVISION_NOT_PERMITTED'
  /** One staff code denied K times or more within 24 hours (K is 5 unless configured): probing beyond its role. */
  | 'REPEATED_DENIED_ACCESS'
  /** An event naming its subject by an identifier after that identifier was retired (rotated, leaked or expired). */
  | 'RETIRED_IDENTIFIER_USED'
  /** One staff code reaching more than N distinct subjects within an hour (大量閲覧; N is 50 unless configured): the pattern of large leaks. */
  | 'STAFF_MASS_ACCESS'
  /** A JPKI serial succession (old certificate serial → new) without the subject's consent in force. */
  | 'SUCCESSION_WITHOUT_CONSENT'
  /** A tie kept past its expected cut-off (紐付けの解除漏れ), judged as of the query's `asOf`. */
  | 'TIE_PAST_CUT_OFF'
  /** A tie between different organizations through the My Number itself, where agency codes (機関別符号) belong. */
  | 'TIE_THROUGH_MY_NUMBER';

/** How grave a finding is. */
export type FindingSeverity =
  /** Bulk exposure: a whole dataset, or many people at once. */
  | 'CRITICAL'
  /** An unlawful provision, use, tie or succession concerning a person. */
  | 'HIGH'
  /** A lapse that weakens protection or shows an attempt: no purpose given, a tie kept too long, repeated refusals. */
  | 'MEDIUM';

/** Compliance findings of the period. */
export type FindingsSection = {
  __typename?: 'FindingsSection';
  /** Findings are evaluated as of this instant (the end of the period). */
  asOf: Scalars['DateTime']['output'];
  /** Whether the findings read model is available; when not, the section shows no figures. */
  available: Scalars['Boolean']['output'];
  /** Every finding, with its evidence. */
  findings: Array<ReportFinding>;
  /** Counts by rule, severity and organization. */
  groups: Array<FindingGroup>;
  /** Why the section is not available, if it is not. */
  note: Maybe<Scalars['String']['output']>;
};

/** Records the consent (同意) a subject gave an organization, for a scope and a purpose. */
export type GrantConsentInput = {
  /** The consent's id, chosen by the sender: 1–128 letters, digits or . _ : -. */
  consentId: Scalars['ID']['input'];
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** The organization the consent is given to; it must be registered. */
  organizationId: Scalars['ID']['input'];
  /** The purpose consented to (利用目的). */
  purpose: Scalars['String']['input'];
  /** What the consent covers, in words (at most 200 characters). */
  scope: Scalars['String']['input'];
  /** An identifier naming the consenting subject, as written (fingerprinted, never stored); they must be enrolled. */
  subject: IdentifierInput;
};

/** An identifier as a client names it. The value is fingerprinted on the way in and never stored. */
export type IdentifierInput = {
  /** The kind of identifier (番号の種類). */
  kind: IdentifierKind;
  /** The organization the identifier belongs to, for AGENCY_CODE, MEMBER_NUMBER, INTERNAL_ID and HEALTH_INSURANCE_NUMBER. */
  scope?: InputMaybe<Scalars['ID']['input']>;
  /** As written: spaces, hyphens and full-width digits are fine. A My Number's check digit is verified. */
  value: Scalars['String']['input'];
};

/** Kinds of identifier (番号). */
export type IdentifierKind =
  /** 機関別符号: what agencies exchange instead of the My Number. */
  | 'AGENCY_CODE'
  /** 被保険者番号 (scoped to the insurer) */
  | 'HEALTH_INSURANCE_NUMBER'
  /** 団体内統合宛名番号 (scoped to the municipality) */
  | 'INTERNAL_ID'
  /** 利用者証明用電子証明書のシリアル番号 */
  | 'JPKI_AUTH_SERIAL'
  /** 署名用電子証明書のシリアル番号 */
  | 'JPKI_SIGN_SERIAL'
  /** A company's member or points-card number (scoped to the company) */
  | 'MEMBER_NUMBER'
  /** 個人番号 */
  | 'MY_NUMBER'
  /** 基礎年金番号 */
  | 'PENSION_NUMBER'
  /** 住民票コード */
  | 'RESIDENT_CODE';

/**
 * An inclusion proof (包含証明): that one event is leaf `leafIndex` of the tree under a signed head. Check:
 * SHA-256(leaf) = entry and SHA-256(0x00 ‖ entry) = leafHash (v2; v1: SHA-256(0x00 ‖ leaf) = leafHash), the audit path leads from it to head.rootHash (RFC 9162 §2.1.3.2), and the
 * head's signature.
 */
export type InclusionProof = {
  __typename?: 'InclusionProof';
  /** The sibling hashes from the leaf up to the root, lowercase hex. */
  auditPath: Array<Scalars['String']['output']>;
  /** The whole proof as a document (format himotoki-journal-proof/v2, or v1 for an event sealed before the commitments began), to save and check offline with `himotoki verify --proof`. */
  document: Scalars['JSON']['output'];
  /** v2: the public tile entry, SHA-256(leaf), lowercase hex; null for a v1 leaf. */
  entry: Maybe<Scalars['String']['output']>;
  /** The event proven. */
  eventId: Scalars['ID']['output'];
  /** The signed head the proof leads to. */
  head: SignedTreeHead;
  /** The leaf. Since the commitments began (v2): the opening, the event with its salt as the database serialized it (UTF-8), whose SHA-256 is `entry`. Before (v1): the event's RFC 8785 canonical JSON, exactly as hashed. */
  leaf: Scalars['String']['output'];
  /** v2: SHA-256(0x00 ‖ entry); v1: SHA-256(0x00 ‖ leaf). Lowercase hex. */
  leafHash: Scalars['String']['output'];
  /** Its place in the log's order (0-based): the leaf index. */
  leafIndex: Scalars['BigInt']['output'];
};

/** Issues a further identifier to an enrolled subject. */
export type IssueIdentifierInput = {
  /** The new identifier; one issued before (even if retired since) is refused. */
  identifier: IssuedIdentifierInput;
  /** The issuing organization; it must be registered. */
  issuedBy: Scalars['ID']['input'];
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** An identifier the subject already has. */
  subject: IdentifierInput;
};

/** An identifier being issued, with the end of its validity where it has one (JPKI certificates: 5 years). */
export type IssuedIdentifierInput = {
  /** The kind of identifier issued. */
  kind: IdentifierKind;
  /** The organization the identifier belongs to, for AGENCY_CODE, MEMBER_NUMBER, INTERNAL_ID and HEALTH_INSURANCE_NUMBER. */
  scope?: InputMaybe<Scalars['ID']['input']>;
  /** The end of its validity (ISO 8601 with a time zone); null when it has none. In force past it, it counts in tie hygiene. */
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
  /** The identifier as written: spaces, hyphens and full-width digits are fine. A My Number's check digit is verified. */
  value: Scalars['String']['input'];
};

/** An item of personal information (特定個人情報の項目): its code, as events carry it, and its names. */
export type Item = {
  __typename?: 'Item';
  /** The category it belongs to; null for a code the catalogue does not have. */
  category: Maybe<ItemCategory>;
  /** The item's code (e.g. LOCAL_TAX_INCOME). */
  code: Scalars['String']['output'];
  /** Its English name; null for a code the catalogue does not have. */
  nameEn: Maybe<Scalars['String']['output']>;
  /** Its Japanese name (e.g. 地方税関係情報（所得額・税額）); null for a code the catalogue does not have. */
  nameJa: Maybe<Scalars['String']['output']>;
};

/** A category of items: one of the names of information of the My Number Act's appended table 2 (別表第二, e.g. 地方税関係情報), or the affairs an item outside it serves. */
export type ItemCategory = {
  __typename?: 'ItemCategory';
  /** Whether it is a name of information of 別表第二 (exchanged over the information-provision network). */
  appendedTable: Scalars['Boolean']['output'];
  /** The category's code (e.g. LOCAL_TAX). */
  code: Scalars['String']['output'];
  /** Its English name (e.g. local tax information). */
  nameEn: Scalars['String']['output'];
  /** Its Japanese name (e.g. 地方税関係情報). */
  nameJa: Scalars['String']['output'];
};

/** One use of an item: who obtained or used it, from whom or in which dataset, when and why. */
export type ItemUse = {
  __typename?: 'ItemUse';
  /** The dataset the item was used in, for an access; null for a provision. */
  dataset: Maybe<DatasetReference>;
  /** The item asked about, with its names. */
  item: Item;
  /** PROVISION (obtained from another organization) or ACCESS (used in a dataset). */
  kind: AccessHistoryKind;
  /** When it was obtained or used. */
  occurredAt: Scalars['DateTime']['output'];
  /** The organization that obtained (the requester of a provision) or used the item. */
  organization: Organization;
  /** PROVIDED, REFUSED or NO_DATA for a provision; GRANTED or DENIED for an access. */
  outcome: Maybe<Scalars['String']['output']>;
  /** The organization that provided the item (情報提供者), for a provision; null for an access. */
  provider: Maybe<Organization>;
  /** Why: the procedure of a provision (事務) or the purpose of an access (利用目的). */
  purpose: Maybe<Scalars['String']['output']>;
  /** The staff member (職員) who used it, where one is recorded. */
  staffCode: Maybe<Scalars['String']['output']>;
};

/**
 * The tamper-evident journal (改ざん検知台帳): an RFC 6962 Merkle tree over every stored event in the log's
 * order, whose heads are signed, so that anyone holding the public key can check that no event was changed,
 * removed, inserted or reordered after it was recorded.
 */
export type Journal = {
  __typename?: 'Journal';
  /** The newest head as a proof document (format himotoki-journal-proof/v1) for `himotoki verify --proof`; null until one is signed. */
  document: Maybe<Scalars['JSON']['output']>;
  /** SHA-256 of the public key's DER form, lowercase hex: the `keyId` of every head it signs. */
  keyId: Scalars['String']['output'];
  /** The newest signed head; null until the first is signed. */
  latestHead: Maybe<SignedTreeHead>;
  /** The log's name in its C2SP checkpoints (GET /journal/checkpoint), HIMOTOKI_LOG_ORIGIN. */
  logOrigin: Scalars['String']['output'];
  /** The checkpoints' note verifier key, `<origin>+<key id>+<base64 key>`: what a tlog client (golang.org/x/mod/sumdb/note, tools/tlog-check) is given. */
  logVerifierKey: Scalars['String']['output'];
  /** The journal's Ed25519 public key (PEM SubjectPublicKeyInfo): pin it, and check every head against it. */
  publicKey: Scalars['String']['output'];
  /** Events sealed into the tree so far (the newest head may cover fewer until the next signing). */
  sealedSize: Scalars['BigInt']['output'];
};

/** Links an identifier to its successor of the same kind (e.g. old JPKI serial → new). */
export type LinkIdentifierSuccessorInput = {
  /** The subject's consent to link old and new (JPKI serials); null when none was given. */
  consentReference?: InputMaybe<Scalars['ID']['input']>;
  /** The old identifier, as written. */
  identifier: IdentifierInput;
  /** The organization making the link; it must be registered. */
  linkedBy: Scalars['ID']['input'];
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** The new identifier, as written: of the same kind, issued to the same subject. */
  successor: IdentifierInput;
};

/** The key a tie is made through. */
export type LinkKeyInput = {
  /** Through a shared identifier, or through matching on basic-4 information. */
  by: LinkKeyKind;
  /** With IDENTIFIER: which kind. */
  identifierKind?: InputMaybe<IdentifierKind>;
};

/** What a tie is made through. */
export type LinkKeyKind =
  /** Matching on basic-4 information (名寄せ). */
  | 'BASIC4'
  /** A shared identifier. */
  | 'IDENTIFIER';

/** Ties two records (紐付け). */
export type LinkRecordsInput = {
  /** When the tie is expected to be cut (使用後の紐付け解除). */
  expectedCutOffAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What the tie is made through: a shared identifier of a kind, or basic-4 matching (名寄せ). */
  key: LinkKeyInput;
  /** The legal basis (根拠法令), where there is one. */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** The tie's id, chosen by the sender and used once: 1–128 letters, digits or . _ : -. */
  linkId: Scalars['ID']['input'];
  /** When the tie was made, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** The organization making the tie; it must be registered. */
  organizationId: Scalars['ID']['input'];
  /** The purpose of the tie (利用目的). */
  purpose: Scalars['String']['input'];
  /** The two records tied: exactly two, registered and different. */
  records: Array<Scalars['ID']['input']>;
  /** The staff member (職員) who acted: their staff code, 1–64 letters, digits or . _ -. */
  staffCode: Scalars['String']['input'];
};

/** A subject's linkage (紐付け) as of a time: records, ties, joinable groups and tie hygiene. */
export type Linkage = {
  __typename?: 'Linkage';
  /** The instant the linkage is judged as of. */
  asOf: Scalars['DateTime']['output'];
  /** Groups of records that can be joined through live ties or a shared identifier fingerprint, largest first. */
  components: Array<LinkageComponent>;
  /** The linkage and tie hygiene, in words (Japanese and English). */
  explanations: Array<Explanation>;
  /** Tie hygiene (紐付けの管理状況) as of `asOf`. */
  hygiene: TieHygiene;
  /** The subject's records (one per dataset entry) registered by `asOf`. */
  records: Array<LinkedRecord>;
  /** The subject (本人): their opaque subject id. */
  subjectId: Scalars['ID']['output'];
  /** Ties that touch the subject's records, made by `asOf`, live or cut. */
  ties: Array<Tie>;
};

/** Records joinable without any name-matching (deterministic linkability). */
export type LinkageComponent = {
  __typename?: 'LinkageComponent';
  /** How many datasets the group spans. */
  datasetCount: Scalars['Int']['output'];
  /** The registered datasets those records are in. */
  datasets: Array<Dataset>;
  /** How many domains the group spans. */
  domainCount: Scalars['Int']['output'];
  /** The domains (TAX, SOCIAL_SECURITY, DISASTER, PRIVATE) the group spans. */
  domains: Array<Scalars['String']['output']>;
  /** The records in the group. */
  recordIds: Array<Scalars['ID']['output']>;
};

/** One of the subject's records: their entry in one dataset. */
export type LinkedRecord = {
  __typename?: 'LinkedRecord';
  /** The dataset the record is in; null when the dataset is not registered. */
  dataset: Maybe<Dataset>;
  /** The kinds of the identifiers the record is keyed by (values are never kept). */
  identifierKinds: Array<Scalars['String']['output']>;
  /** The record's id, as it was registered. */
  recordId: Scalars['ID']['output'];
  /** When the record was registered (the registration's time of occurrence). */
  registeredAt: Scalars['DateTime']['output'];
};

/** How many records of two datasets can be matched one-to-one. */
export type Matchability = {
  __typename?: 'Matchability';
  /** Dataset A. */
  datasetA: Maybe<Dataset>;
  /** Dataset B. */
  datasetB: Maybe<Dataset>;
  /** The basic-4 fields both hold; matchability needs a name and the birth date among them. */
  fields: Array<Basic4Field>;
  /** The level the keys were compared at. */
  level: ExposureLevel;
  /** Records unique in A matching exactly one record of B (equally, keys unique in both). */
  matchableRecords: Scalars['Int']['output'];
  /** matchableRecords / records of A. */
  shareOfA: Scalars['Float']['output'];
  /** matchableRecords / records of B. */
  shareOfB: Scalars['Float']['output'];
};

/** Two datasets whose records match each other easily. */
export type MatchableDatasetPair = {
  __typename?: 'MatchableDatasetPair';
  /** One dataset. */
  datasetA: ReportDataset;
  /** The other. */
  datasetB: ReportDataset;
  /** The larger of the two shares (`shareOfA`, `shareOfB`): how much of the more exposed dataset the pair can re-identify. */
  matchability: Scalars['Float']['output'];
  /** Why, in words. */
  reason: Scalars['String']['output'];
  /** Share of A's records matchable one-to-one in B. */
  shareOfA: Scalars['Float']['output'];
  /** Share of B's records matchable one-to-one in A. */
  shareOfB: Scalars['Float']['output'];
};

/** One month's activity. */
export type MonthlyActivity = {
  __typename?: 'MonthlyActivity';
  /** Accesses. */
  accesses: Scalars['Int']['output'];
  /** Ties cut. */
  cuts: Scalars['Int']['output'];
  /** The month, YYYY-MM in Japan time. */
  month: Scalars['String']['output'];
  /** Provisions. */
  provisions: Scalars['Int']['output'];
  /** Ties made. */
  ties: Scalars['Int']['output'];
};

/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** 閲覧・利用 */
  accessInformation: CommandResult;
  /** Corrects a record's basic-4 information. */
  amendRecord: CommandResult;
  /** Operators only: records a correction (訂正) of a stored event; read models that stopped on it resume. */
  correctEvent: CommandResult;
  /** Enrolls a subject with their first identifiers (番号の付番). */
  enrollSubject: CommandResult;
  /** Records a subject's consent (同意) to an organization. */
  grantConsent: CommandResult;
  /** Issues a further identifier to an enrolled subject. */
  issueIdentifier: CommandResult;
  /** Links an identifier to its successor (old JPKI serial → new), with the subject's consent or without it (a finding). */
  linkIdentifierSuccessor: CommandResult;
  /** 紐付け */
  linkRecords: CommandResult;
  /** 情報提供 */
  provideInformation: CommandResult;
  /** Registers a dataset held by a registered organization, once. */
  registerDataset: CommandResult;
  /** Registers an organization (機関・事業者), once. */
  registerOrganization: CommandResult;
  /** Operators only: the table of permitted provisions is the law's, not an organization's. */
  registerPermittedProvision: CommandResult;
  /** Registers a subject's record in a dataset. */
  registerRecord: CommandResult;
  /** 不開示の解除: releases a provision's non-disclosure flag, so that the subject sees it. */
  releaseNonDisclosure: CommandResult;
  /** Retires an identifier (失効): rotated, leaked or expired. */
  retireIdentifier: CommandResult;
  /** 紐付け解除 */
  unlinkRecords: CommandResult;
  /** Records the withdrawal of a subject's consent. */
  withdrawConsent: CommandResult;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationAccessInformationArgs = {
  commandId: Scalars['ID']['input'];
  input: AccessInformationInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationAmendRecordArgs = {
  commandId: Scalars['ID']['input'];
  input: AmendRecordInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationCorrectEventArgs = {
  commandId: Scalars['ID']['input'];
  input: CorrectEventInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationEnrollSubjectArgs = {
  commandId: Scalars['ID']['input'];
  input: EnrollSubjectInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationGrantConsentArgs = {
  commandId: Scalars['ID']['input'];
  input: GrantConsentInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationIssueIdentifierArgs = {
  commandId: Scalars['ID']['input'];
  input: IssueIdentifierInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationLinkIdentifierSuccessorArgs = {
  commandId: Scalars['ID']['input'];
  input: LinkIdentifierSuccessorInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationLinkRecordsArgs = {
  commandId: Scalars['ID']['input'];
  input: LinkRecordsInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationProvideInformationArgs = {
  commandId: Scalars['ID']['input'];
  input: ProvideInformationInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationRegisterDatasetArgs = {
  commandId: Scalars['ID']['input'];
  input: RegisterDatasetInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationRegisterOrganizationArgs = {
  commandId: Scalars['ID']['input'];
  input: RegisterOrganizationInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationRegisterPermittedProvisionArgs = {
  commandId: Scalars['ID']['input'];
  input: RegisterPermittedProvisionInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationRegisterRecordArgs = {
  commandId: Scalars['ID']['input'];
  input: RegisterRecordInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationReleaseNonDisclosureArgs = {
  commandId: Scalars['ID']['input'];
  input: ReleaseNonDisclosureInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationRetireIdentifierArgs = {
  commandId: Scalars['ID']['input'];
  input: RetireIdentifierInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationUnlinkRecordsArgs = {
  commandId: Scalars['ID']['input'];
  input: UnlinkRecordsInput;
};


/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type MutationWithdrawConsentArgs = {
  commandId: Scalars['ID']['input'];
  input: WithdrawConsentInput;
};

/** An organization that holds datasets or exchanges information. */
export type Organization = {
  __typename?: 'Organization';
  /** The domains it works in; empty when it was never registered. */
  domains: Array<Domain>;
  /** The organization's id, as it was registered or named in events (e.g. city-yokohama). */
  id: Scalars['ID']['output'];
  /** What kind of organization it is; null when it was never registered. */
  kind: Maybe<OrganizationKind>;
  /** Its name: as registered, or, for an oversight body that audits without registering (e.g. ppc: 個人情報保護委員会), the platform's own; null for an unknown party named in an event. */
  name: Maybe<Scalars['String']['output']>;
  /** Its English name, where the platform knows one (the oversight bodies it names itself); null otherwise. */
  nameEn: Maybe<Scalars['String']['output']>;
  /** When it was registered (the registration's time of occurrence); null when it was never registered. */
  registeredAt: Maybe<Scalars['DateTime']['output']>;
};

/** A page of organizations (Relay connection). */
export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  /** The organizations of this page, in id order. */
  edges: Array<OrganizationEdge>;
  /** Whether more pages follow, and the cursors to reach them. */
  pageInfo: PageInfo;
  /** How many organizations match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a page of organizations. */
export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  /** An opaque cursor for this organization; pass it as `after` to start the next page after it. */
  cursor: Scalars['String']['output'];
  /** The organization. */
  node: Organization;
};

/** Narrows a list of organizations. All given conditions must hold. */
export type OrganizationFilter = {
  /** Organizations that work in this domain. */
  domain?: InputMaybe<Domain>;
  /** Organizations of this kind. */
  kind?: InputMaybe<OrganizationKind>;
  /** Organizations whose name or id contains this text. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Kinds of organization (機関・事業者). */
export type OrganizationKind =
  /** An employer (事業主), e.g. handling its staff's My Numbers for tax and social security. */
  | 'EMPLOYER'
  /** A health insurer (医療保険者). */
  | 'HEALTH_INSURER'
  /** A ministry or national agency (府省庁). */
  | 'MINISTRY'
  /** A municipality (市区町村). */
  | 'MUNICIPALITY'
  /** A pension organization (年金機関). */
  | 'PENSION'
  /** A private business (民間事業者). */
  | 'PRIVATE_BUSINESS'
  /** A tax authority (税務機関). */
  | 'TAX';

/** A tie kept past its expected cut-off. */
export type OverdueTie = {
  __typename?: 'OverdueTie';
  /** The datasets it ties. */
  datasets: Array<Scalars['ID']['output']>;
  /** Whole days past the cut-off at the end of the period. */
  daysOverdue: Scalars['Int']['output'];
  /** When it was expected to be cut. */
  expectedCutOffAt: Scalars['DateTime']['output'];
  /** The key it was made through: an identifier kind, or BASIC4. */
  key: Scalars['String']['output'];
  /** When it was made. */
  linkedAt: Scalars['DateTime']['output'];
  /** The organization that made it. */
  organization: ReportParty;
  /** The tie's id. */
  tieId: Scalars['ID']['output'];
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last edge of this page; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether a page precedes this one. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first edge of this page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** The event a parked projection stopped on: correct it (correctEvent) and the projection resumes. */
export type ParkedEvent = {
  __typename?: 'ParkedEvent';
  /** The event's id. */
  eventId: Scalars['ID']['output'];
  /** Its position in the global log. */
  globalPosition: Scalars['BigInt']['output'];
  /** Why the projection could not apply it. */
  reason: Scalars['String']['output'];
  /** The stream holding it. */
  streamId: Scalars['String']['output'];
  /** The event's type (e.g. InformationAccessed). */
  type: Scalars['String']['output'];
};

/** An incident of the year to the end of the period (one per organization and kind of incident). */
export type PastYearIncident = {
  __typename?: 'PastYearIncident';
  /** The categories it meets (codes of BreachSection.categories). */
  categories: Array<Scalars['String']['output']>;
  /** Whether this report's period has a draft for it. */
  draftedInPeriod: Scalars['Boolean']['output'];
  /** When its first event happened. */
  firstOccurredAt: Scalars['DateTime']['output'];
  /** When its last event happened. */
  lastOccurredAt: Scalars['DateTime']['output'];
  /** The organization. */
  organization: ReportParty;
  /** How many people it concerns. */
  peopleAffected: Scalars['Int']['output'];
};

/** The assessment level a dataset calls for. */
export type PiaLevel =
  /** 基礎項目評価. */
  | 'BASIC'
  /** 基礎項目評価 and 重点項目評価. */
  | 'BASIC_AND_FOCUSED'
  /** 基礎項目評価 and 全項目評価. */
  | 'BASIC_AND_FULL'
  /** Not a 特定個人情報ファイル (not keyed by the My Number). */
  | 'NOT_APPLICABLE'
  /** Under 1,000 people: not required. */
  | 'NOT_REQUIRED';

/** The privacy impact assessment each dataset calls for. */
export type PiaSection = {
  __typename?: 'PiaSection';
  /** Per dataset. */
  datasets: Array<DatasetPia>;
  /** How each input is counted from the events. */
  measures: Array<Scalars['String']['output']>;
  /** The thresholds applied, in words. */
  rules: Array<Scalars['String']['output']>;
  /** The rule's source. */
  source: Scalars['String']['output'];
};

/** A projection's progress. */
export type ProjectionStatus = {
  __typename?: 'ProjectionStatus';
  /** When parked: the error the event raised; null otherwise. */
  error: Maybe<Scalars['String']['output']>;
  /** When parked: the global position of the event it stopped on; null otherwise. */
  errorPosition: Maybe<Scalars['BigInt']['output']>;
  /** How many events it has processed, as a decimal string. */
  eventsProcessed: Scalars['BigInt']['output'];
  /** Events in the log not yet applied. */
  lagEvents: Scalars['Int']['output'];
  /** Age in seconds of the oldest event not yet applied. */
  lagSeconds: Scalars['Float']['output'];
  /** The projection's name (e.g. access-history, registry, findings). */
  name: Scalars['String']['output'];
  /** When parked: the event it stopped on, named as the correctEvent mutation takes it; null otherwise. */
  parkedOn: Maybe<ParkedEvent>;
  /** Global position of the last event applied. */
  position: Scalars['BigInt']['output'];
  /** Set when the projection applied an event before that event's correction was made: why it wants a rebuild. */
  stale: Maybe<Scalars['String']['output']>;
  /** running, parked (stopped on an event it could not apply) or stopped. */
  state: Scalars['String']['output'];
};

/** ARX's prosecutor-model sample summary. */
export type ProsecutorRisk = {
  __typename?: 'ProsecutorRisk';
  /** rB: 1 / min f_k. */
  highestRisk: Scalars['Float']['output'];
  /** rA: share of records with risk 1/f_k above the threshold. */
  recordsAtRisk: Scalars['Float']['output'];
  /** rC: classes / n. */
  successRate: Scalars['Float']['output'];
  /** The risk 1/f_k above which a record counts as at risk (0.2). */
  threshold: Scalars['Float']['output'];
};

/** Records a provision of information (情報提供) from one organization to another. */
export type ProvideInformationInput = {
  /** The items of personal information (特定個人情報の項目): 1 to 64 codes or names of the item catalogue (`items`), e.g. LOCAL_TAX_INCOME or 地方税関係情報; stored as codes, an unknown one refused. */
  items: Array<Scalars['String']['input']>;
  /** The legal basis (根拠法令). */
  legalBasis: Scalars['String']['input'];
  /** 不開示: hidden from the subject until released. */
  nonDisclosure?: InputMaybe<Scalars['Boolean']['input']>;
  /** How the request was answered. */
  outcome: ProvisionOutcome;
  /** 事務 */
  procedure: Scalars['String']['input'];
  /** When it was provided, not before `requestedAt`: required with PROVIDED, absent otherwise. */
  providedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The organization asked to provide it (情報提供者); it must be registered. */
  providerId: Scalars['ID']['input'];
  /** The provision's id, chosen by the sender and used once: 1–128 letters, digits or . _ : -. */
  provisionId: Scalars['ID']['input'];
  /** When it was requested, ISO 8601 with a time zone. */
  requestedAt: Scalars['DateTime']['input'];
  /** The organization that requested the information (情報照会者); it must be registered. */
  requesterId: Scalars['ID']['input'];
  /** An identifier naming the subject, as written (fingerprinted, never stored). */
  subject: IdentifierInput;
};

/** How a provision request was answered. */
export type ProvisionOutcome =
  /** The provider held no such information. */
  | 'NO_DATA'
  /** The information was provided (`providedAt` is then required). */
  | 'PROVIDED'
  /** The provider refused the request. */
  | 'REFUSED';

/** The entry point of every read. No token, no data. */
export type Query = {
  __typename?: 'Query';
  /**
   * A subject's access history (情報提供等記録), newest first: every provision, access, tie, cut and audit
   * that touched them. Auditors see all of it (and the query is recorded in the subject's history as AUDIT);
   * an organization sees only the lines where it is the actor or the counterparty; a subject only their own.
   * `first` is at most 500.
   */
  accessHistory: AccessHistoryConnection;
  /**
   * Read-your-writes: whether every read model has applied the log transaction a command answered
   * (`CommandResult.transactionId`), as this server's reads see them. A client that must read its own write asks
   * until `applied` is true, then reads. Auditors, operators and organizations.
   */
  applied: AppliedTransaction;
  /**
   * A compliance report (PPC-style periodic report) for the period [from, to), of every organization or of one:
   * activity, findings, tie hygiene, name-matching exposure, the privacy impact assessment each dataset calls for,
   * and drafts of breach reports (漏えい等報告). Auditors for any organization; an organization only for itself
   * (organizationId must be its own).
   */
  complianceReport: ComplianceReport;
  /** That the journal of `toSize` events extends the one of `fromSize`. Any role. */
  consistencyProof: ConsistencyProof;
  /** A dataset (特定個人情報ファイル or a company's customer file) by id. An organization reads its own datasets and its counterparties'. */
  dataset: Maybe<Dataset>;
  /** Re-identification risk of one dataset at a level (k-anonymity, uniqueness, prosecutor risk, ER). Auditors, and the organization holding it. */
  datasetRisk: DatasetRisk;
  /** The registered datasets, in id order, a page at a time: auditors and operators see all; an organization its own and its counterparties'. */
  datasets: DatasetConnection;
  /**
   * A subject's name-matching exposure (名寄せされやすさ) as of a time (default now): how unique each of their
   * records is, where it can be matched one-to-one and from which level, the best Fellegi–Sunter match, the
   * linkage and tie hygiene, each with its reason in Japanese and English. Auditors (recorded as AUDIT) and the
   * subject themselves.
   */
  exposure: Exposure;
  /** Distributions of exposure over the whole population at a level, for charts. Auditors. */
  exposureDistribution: ExposureDistribution;
  /**
   * Compliance findings standing as of `asOf` (default: now), newest detection first. Time-based rules are judged as of
   * that instant, so the same `asOf` always gives the same answer. Auditors see every finding (a query naming a subject,
   * or answering findings about subjects, is recorded in those subjects' histories as AUDIT); an organization sees only
   * its own; a subject only the findings about them. `first` is at most 500.
   */
  findings: FindingConnection;
  /**
   * That an event is in the journal, under the newest signed head (or the head signed at `treeSize`). Auditors:
   * any event (a proof of an event about subjects is recorded in their histories); operators: events about no
   * one (organizations, datasets, the permitted-provision table); an organization: events in its own activity (where it acted or was the counterparty); a subject: events
   * about themselves (their own history, never a non-disclosed line, and their own subject stream).
   */
  inclusionProof: InclusionProof;
  /** The catalogue of items of personal information: every code the platform knows, with its Japanese and English names and its category. Queries and commands take a code or a name from it. */
  items: Array<Item>;
  /** The journal: its public key and newest signed head. Any role. */
  journal: Journal;
  /**
   * A subject's linkage (紐付け) as of a time (default now): their records, the ties made and cut between them,
   * the groups of records that can already be joined through live ties or shared identifiers, and tie hygiene.
   * Auditors (the query is recorded in the subject's history as AUDIT) and the subject themselves.
   */
  linkage: Linkage;
  /** How many records of two datasets can be matched one-to-one on the basic-4 fields both hold, at a level. Auditors, and an organization holding either dataset. */
  matchability: Matchability;
  /** The signed-in citizen's own access history (the Mynaportal view), without lines under a non-disclosure flag (不開示). */
  me: AccessHistoryConnection;
  /** An organization (機関・事業者) by id. An organization reads itself and its counterparties (those it provided information to or obtained it from, or shares a permitted row with). */
  organization: Maybe<Organization>;
  /** The registered organizations, in id order, a page at a time: auditors and operators see all; an organization itself and its counterparties. */
  organizations: OrganizationConnection;
  /** The read models' projections: position, lag and state. Auditors and operators. */
  projections: Array<ProjectionStatus>;
  /** The events of one stream, oldest first, as stored. Auditors only. */
  stream: StreamEventConnection;
  /** Resolves a subject from one of their identifiers (fingerprinted on the way in; the value is never stored). Auditors only. */
  subject: Maybe<Subject>;
  /** The organizations and staff codes that obtained (provision, naming the provider) or used (access, naming the dataset) an item of the subject's information, when and why. An item the catalogue does not know is refused, naming the closest codes. */
  whoAccessed: Array<ItemUse>;
};


/** The entry point of every read. No token, no data. */
export type QueryAccessHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccessHistoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  subjectId: Scalars['ID']['input'];
};


/** The entry point of every read. No token, no data. */
export type QueryAppliedArgs = {
  transactionId: Scalars['BigInt']['input'];
};


/** The entry point of every read. No token, no data. */
export type QueryComplianceReportArgs = {
  from: Scalars['DateTime']['input'];
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['DateTime']['input'];
};


/** The entry point of every read. No token, no data. */
export type QueryConsistencyProofArgs = {
  fromSize: Scalars['BigInt']['input'];
  toSize: Scalars['BigInt']['input'];
};


/** The entry point of every read. No token, no data. */
export type QueryDatasetArgs = {
  id: Scalars['ID']['input'];
};


/** The entry point of every read. No token, no data. */
export type QueryDatasetRiskArgs = {
  datasetId: Scalars['ID']['input'];
  level?: InputMaybe<ExposureLevel>;
};


/** The entry point of every read. No token, no data. */
export type QueryDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DatasetFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry point of every read. No token, no data. */
export type QueryExposureArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  subjectId: Scalars['ID']['input'];
};


/** The entry point of every read. No token, no data. */
export type QueryExposureDistributionArgs = {
  level?: InputMaybe<ExposureLevel>;
};


/** The entry point of every read. No token, no data. */
export type QueryFindingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  filter?: InputMaybe<FindingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry point of every read. No token, no data. */
export type QueryInclusionProofArgs = {
  eventId: Scalars['ID']['input'];
  treeSize?: InputMaybe<Scalars['BigInt']['input']>;
};


/** The entry point of every read. No token, no data. */
export type QueryLinkageArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  subjectId: Scalars['ID']['input'];
};


/** The entry point of every read. No token, no data. */
export type QueryMatchabilityArgs = {
  datasetA: Scalars['ID']['input'];
  datasetB: Scalars['ID']['input'];
  level?: InputMaybe<ExposureLevel>;
};


/** The entry point of every read. No token, no data. */
export type QueryMeArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccessHistoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry point of every read. No token, no data. */
export type QueryOrganizationArgs = {
  id: Scalars['ID']['input'];
};


/** The entry point of every read. No token, no data. */
export type QueryOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrganizationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry point of every read. No token, no data. */
export type QueryStreamArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/** The entry point of every read. No token, no data. */
export type QuerySubjectArgs = {
  identifier: IdentifierInput;
};


/** The entry point of every read. No token, no data. */
export type QueryWhoAccessedArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  item: Scalars['String']['input'];
  subjectId: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** How exposed one of the subject's records is. */
export type RecordExposure = {
  __typename?: 'RecordExposure';
  /** f_k: how many records of the dataset share this record's key, at each level (1 = unique). */
  classSizes: Array<ClassSize>;
  /** The dataset the record is in; null when the dataset is not registered. */
  dataset: Maybe<Dataset>;
  /** The record's id, as it was registered. */
  recordId: Scalars['ID']['output'];
  /** Other datasets where exactly one record matches this one on the shared basic-4 fields while it is unique in its own. */
  uniquelyMatchableIn: Array<UniqueMatch>;
};

/** Registers a dataset (特定個人情報ファイル or a company's customer file). */
export type RegisterDatasetInput = {
  /** The basic-4 fields (基本4情報) its records hold; records may carry only these. */
  basic4Fields: Array<Basic4Field>;
  /** The id to register it under, chosen by the sender: 1–128 letters, digits or . _ : -. */
  datasetId: Scalars['ID']['input'];
  /** The domain it is used in. */
  domain: Domain;
  /** The organization holding it (保有者); it must be registered. */
  holderId: Scalars['ID']['input'];
  /** The kinds of identifier its records are keyed by. */
  keyedBy: Array<IdentifierKind>;
  /** The legal basis (根拠法令), where there is one. */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** Its name (e.g. 課税台帳). */
  name: Scalars['String']['input'];
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** Its purpose of use (利用目的). */
  purpose: Scalars['String']['input'];
};

/** Registers an organization (機関・事業者). */
export type RegisterOrganizationInput = {
  /** The domains it works in. */
  domains: Array<Domain>;
  /** What kind of organization it is. */
  kind: OrganizationKind;
  /** Its name (e.g. 横浜市). */
  name: Scalars['String']['input'];
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** The id to register it under, chosen by the sender: 1–128 letters, digits or . _ : - (e.g. city-yokohama). */
  organizationId: Scalars['ID']['input'];
};

/** A row of the table of permitted provisions (番号法 別表第二): who may obtain which items from whom, for which procedure. */
export type RegisterPermittedProvisionInput = {
  /** The items (特定個人情報の項目) that may be provided: codes or names of the item catalogue (`items`), e.g. LOCAL_TAX_INCOME or 地方税関係情報; stored as codes, an unknown one refused. */
  items: Array<Scalars['String']['input']>;
  /** The legal basis (根拠法令). */
  legalBasis: Scalars['String']['input'];
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** The row's id, chosen by the sender: 1–128 letters, digits or . _ : -. */
  permittedProvisionId: Scalars['ID']['input'];
  /** 事務 */
  procedure: Scalars['String']['input'];
  /** The organization that may provide it (情報提供者); it must be registered. */
  providerId: Scalars['ID']['input'];
  /** The organization that may request the information (情報照会者); it must be registered. */
  requesterId: Scalars['ID']['input'];
};

/** Registers a record: a subject's entry in a dataset. */
export type RegisterRecordInput = {
  /** The record's basic-4 information: only the fields the dataset holds. */
  basic4: Basic4Input;
  /** The dataset it is in; it must be registered. */
  datasetId: Scalars['ID']['input'];
  /** The identifiers the record is keyed by; the subject's identifier when omitted. */
  identifiers?: InputMaybe<Array<IdentifierInput>>;
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** The record's id, chosen by the sender: 1–128 letters, digits or . _ : -. */
  recordId: Scalars['ID']['input'];
  /** An identifier naming the subject, as written (fingerprinted, never stored). */
  subject: IdentifierInput;
};

/** Releases a provision's non-disclosure flag (不開示の解除), so that the subject sees it. */
export type ReleaseNonDisclosureInput = {
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** The provision to release; it must be recorded and under the flag. */
  provisionId: Scalars['ID']['input'];
  /** The organization releasing the flag; it must be registered. */
  releasedBy: Scalars['ID']['input'];
};

/** A dataset as the report names it. */
export type ReportDataset = {
  __typename?: 'ReportDataset';
  /** The organization holding it; null when unknown. */
  holder: Maybe<ReportParty>;
  /** The dataset's id. */
  id: Scalars['ID']['output'];
  /** Its registered name; null when it was never registered. */
  name: Maybe<Scalars['String']['output']>;
};

/** A compliance finding and the events that caused it. */
export type ReportFinding = {
  __typename?: 'ReportFinding';
  /** Why it matters, in Japanese. */
  description: Scalars['String']['output'];
  /** Why it matters, in English. */
  descriptionEn: Scalars['String']['output'];
  /** When the rule was broken: the period is judged by this. */
  detectedAt: Scalars['DateTime']['output'];
  /** Global positions of the causing events. */
  evidence: Array<Scalars['BigInt']['output']>;
  /** When the last causing event happened (a staff episode spans many accesses). */
  lastOccurredAt: Scalars['DateTime']['output'];
  /** When the first causing event happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** The organization it concerns. */
  organization: ReportParty;
  /** For a provision: PROVIDER (My Number Act art. 19) or REQUESTER (art. 20); null for the other rules. */
  party: Maybe<Scalars['String']['output']>;
  /** The rule, e.g. PROVISION_NOT_PERMITTED. */
  rule: Scalars['String']['output'];
  /** Its severity. */
  severity: Scalars['String']['output'];
  /** The staff code that acted, when one did. */
  staffCode: Maybe<Scalars['String']['output']>;
  /** The statute the rule rests on, e.g. 番号法第19条・第20条. */
  statute: Scalars['String']['output'];
  /** The subjects it concerns (a staff episode concerns many). */
  subjectIds: Array<Scalars['ID']['output']>;
  /** The rule's title in Japanese, e.g. 別表第二に基づかない特定個人情報の提供. */
  title: Scalars['String']['output'];
  /** The rule's title in English. */
  titleEn: Scalars['String']['output'];
};

/** An organization as the report names it. */
export type ReportParty = {
  __typename?: 'ReportParty';
  /** The organization's id. */
  id: Scalars['ID']['output'];
  /** Its registered name; null when it was never registered. */
  name: Maybe<Scalars['String']['output']>;
};

/** A period [from, to). */
export type ReportPeriod = {
  __typename?: 'ReportPeriod';
  /** The first instant in the period. */
  from: Scalars['DateTime']['output'];
  /** The first instant after the period. */
  to: Scalars['DateTime']['output'];
};

/** Retires an identifier (失効): rotated, leaked or expired. */
export type RetireIdentifierInput = {
  /** The identifier to retire, as written; it must be issued and not yet retired. */
  identifier: IdentifierInput;
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** Why it is retired. */
  reason: RetirementReason;
  /** The organization retiring it; it must be registered. */
  retiredBy: Scalars['ID']['input'];
};

/** Why an identifier was retired (失効). */
export type RetirementReason =
  /** Expired: its validity ran out. */
  | 'EXPIRED'
  /** Leaked (漏えい): its value became known to others. */
  | 'LEAKED'
  /** Rotated: replaced by a new identifier. */
  | 'ROTATED';

/** A dataset whose records are easy to single out. */
export type RiskyDataset = {
  __typename?: 'RiskyDataset';
  /** The dataset. */
  dataset: ReportDataset;
  /** k-anonymity: the smallest class size of its quasi-identifier key. */
  k: Scalars['Int']['output'];
  /** Why it is listed, in words. */
  reason: Scalars['String']['output'];
  /** Its records. */
  records: Scalars['Int']['output'];
  /** Share of records alone in their class. */
  sampleUniqueness: Scalars['Float']['output'];
};

/** Who is asking: the role of the bearer token and what it is bound to. */
export type Role =
  /** An agency's internal auditor or the Personal Information Protection Commission (個人情報保護委員会): reads everything; every query that touches a subject is recorded. */
  | 'AUDITOR'
  /** An operator: runs the platform; sees projections and health, not personal histories. */
  | 'OPERATOR'
  /** An organization (機関・事業者) sending its events: writes only events it is party to, reads only its own activity. */
  | 'ORGANIZATION'
  /** A citizen (本人): reads their own history and exposure, nothing of anyone else's, nothing non-disclosed. */
  | 'SUBJECT';

/** Sex (性別) as a dataset records it. */
export type Sex =
  /** Female (女性). */
  | 'FEMALE'
  /** Male (男性). */
  | 'MALE'
  /** Other (その他). */
  | 'OTHER'
  /** Not known (不明). */
  | 'UNKNOWN';

/**
 * A signed tree head (署名付きツリーヘッド): the journal's size and Merkle root at a moment, signed with the
 * journal's Ed25519 key. The signed bytes are the RFC 8785 canonical JSON
 * {"log":"himotoki-journal/v1","rootHash":…,"timestamp":…,"treeSize":…} (see `signedMessage`).
 */
export type SignedTreeHead = {
  __typename?: 'SignedTreeHead';
  /** SHA-256 of the signing key's DER SubjectPublicKeyInfo, lowercase hex. */
  keyId: Scalars['String']['output'];
  /** The RFC 6962 Merkle tree hash (MTH) of those events' leaves, lowercase hex. */
  rootHash: Scalars['String']['output'];
  /** The Ed25519 signature of `signedMessage`, base64. */
  signature: Scalars['String']['output'];
  /** The exact bytes signed (UTF-8), to check the signature with any Ed25519 tool. */
  signedMessage: Scalars['String']['output'];
  /** When the head was signed (to the millisecond). */
  timestamp: Scalars['DateTime']['output'];
  /** How many events the tree covers: the first `treeSize` events of the log, in its order. */
  treeSize: Scalars['BigInt']['output'];
};

/** An event a command stored. */
export type StoredEventRef = {
  __typename?: 'StoredEventRef';
  /** The event's id (a UUID). */
  eventId: Scalars['ID']['output'];
  /** The stream it was stored in (e.g. link-<linkId>). */
  streamId: Scalars['String']['output'];
  /** The event's type (e.g. RecordsLinked). */
  type: Scalars['String']['output'];
};

/** An event as the store keeps it. */
export type StreamEvent = {
  __typename?: 'StreamEvent';
  /** The event's data as stored: identifiers and basic-4 information only as fingerprints. */
  data: Scalars['JSON']['output'];
  /** The event's position in the global log. */
  globalPosition: Scalars['BigInt']['output'];
  /** The event's id (a UUID). */
  id: Scalars['ID']['output'];
  /** The event's metadata as stored, e.g. the `commandId`, the command type and the sender of an ingested event. */
  metadata: Scalars['JSON']['output'];
  /** When the store recorded it (when it happened is `occurredAt` in `data`). */
  recordedAt: Scalars['DateTime']['output'];
  /** Position within its stream, from 0. */
  revision: Scalars['BigInt']['output'];
  /** The version of the type's data schema, from 1. */
  schemaVersion: Scalars['Int']['output'];
  /** The event's type (e.g. RecordsLinked, InformationProvided). */
  type: Scalars['String']['output'];
};

/** A page of a stream's events. */
export type StreamEventConnection = {
  __typename?: 'StreamEventConnection';
  /** The events of this page, oldest first. */
  edges: Array<StreamEventEdge>;
  /** Whether more pages follow, and the cursors to reach them. */
  pageInfo: PageInfo;
};

/** An edge of a stream's page of events. */
export type StreamEventEdge = {
  __typename?: 'StreamEventEdge';
  /** An opaque cursor for this event; pass it as `after` to start the next page after it. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: StreamEvent;
};

/** A person, known to the platform only by an opaque id. */
export type Subject = {
  __typename?: 'Subject';
  /** Their access history, as `accessHistory(subjectId:)` gives it. */
  accessHistory: AccessHistoryConnection;
  /** The subject's opaque id (a UUID); no name or number is kept. */
  id: Scalars['ID']['output'];
};


/** A person, known to the platform only by an opaque id. */
export type SubjectAccessHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccessHistoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A tie (紐付け) between two records. */
export type Tie = {
  __typename?: 'Tie';
  /** Whole days since it was made, while live. */
  ageDays: Maybe<Scalars['Int']['output']>;
  /** The dataset of `recordA`; null when it is not registered. */
  datasetA: Maybe<Dataset>;
  /** The dataset of `recordB`; null when it is not registered. */
  datasetB: Maybe<Dataset>;
  /** When the tie was to be cut (使用後の紐付け解除); null when meant to last. */
  expectedCutOffAt: Maybe<Scalars['DateTime']['output']>;
  /** With `keyBy` IDENTIFIER: the kind of identifier shared; null for BASIC4. */
  identifierKind: Maybe<IdentifierKind>;
  /** IDENTIFIER (a shared identifier of `identifierKind`) or BASIC4 (名寄せ on basic-4 information). */
  keyBy: Scalars['String']['output'];
  /** 根拠法令 */
  legalBasis: Maybe<Scalars['String']['output']>;
  /** The tie's id, as the organization that made it chose it. */
  linkId: Scalars['ID']['output'];
  /** When the tie was made (紐付け). */
  linkedAt: Scalars['DateTime']['output'];
  /** Live as of `asOf`. */
  live: Scalars['Boolean']['output'];
  /** The organization that made the tie. */
  organization: Organization;
  /** Live after its expected cut-off (紐付けの解除漏れ). */
  overdue: Scalars['Boolean']['output'];
  /** 利用目的 */
  purpose: Scalars['String']['output'];
  /** The first record tied. */
  recordA: Scalars['ID']['output'];
  /** The second record tied. */
  recordB: Scalars['ID']['output'];
  /** When it was cut (紐付け解除); null while live. */
  unlinkedAt: Maybe<Scalars['DateTime']['output']>;
};

/** Tie hygiene (紐付けの管理状況) of a subject's records, as of the linkage's `asOf`. */
export type TieHygiene = {
  __typename?: 'TieHygiene';
  /** Identifiers in force past the lifetime they were issued with. */
  identifiersPastLifetime: Scalars['Int']['output'];
  /** Ties live as of `asOf` (made and not yet cut). */
  liveTies: Scalars['Int']['output'];
  /** Ties through the My Number itself between records of different organizations, where agency codes (機関別符号) belong. */
  myNumberTiesAcrossOrganizations: Scalars['Int']['output'];
  /** Age in whole days of the oldest live tie. */
  oldestLiveTieDays: Maybe<Scalars['Int']['output']>;
  /** Live ties past their expected cut-off. */
  overdueTies: Scalars['Int']['output'];
};

/** Ties at the end of the period and how long ties live. */
export type TieHygieneSection = {
  __typename?: 'TieHygieneSection';
  /** The instant the figures hold at (the end of the period). */
  asOf: Scalars['DateTime']['output'];
  /** The distribution of tie lifetimes. */
  lifetimes: Array<TieLifetimeBucket>;
  /** Ties live at the end of the period. */
  liveTies: Scalars['Int']['output'];
  /** Live ties made through the My Number itself instead of agency-specific codes. */
  liveTiesThroughMyNumber: Scalars['Int']['output'];
  /** Every overdue tie, most overdue first. */
  overdue: Array<OverdueTie>;
  /** Live ties past their expected cut-off at the end of the period. */
  overdueTies: Scalars['Int']['output'];
  /** Ties cut in the period. */
  tiesCutInPeriod: Scalars['Int']['output'];
  /** Ties made in the period. */
  tiesMadeInPeriod: Scalars['Int']['output'];
};

/** A bucket of the tie-lifetime distribution. */
export type TieLifetimeBucket = {
  __typename?: 'TieLifetimeBucket';
  /** Ties cut in the period that lived this long. */
  cutInPeriod: Scalars['Int']['output'];
  /** Lower bound in days (inclusive). */
  fromDays: Scalars['Int']['output'];
  /** The bucket, in words. */
  label: Scalars['String']['output'];
  /** Ties live at the end of the period that were this old then. */
  live: Scalars['Int']['output'];
  /** Upper bound in days (exclusive); null for the last bucket. */
  toDays: Maybe<Scalars['Int']['output']>;
};

/** Another dataset where the record can be matched one-to-one. */
export type UniqueMatch = {
  __typename?: 'UniqueMatch';
  /** That dataset; null when it is not registered. */
  dataset: Maybe<Dataset>;
  /** The basic-4 fields both datasets hold, compared. */
  fields: Array<Basic4Field>;
  /** The cheapest level at which the match is one-to-one. */
  lowestLevel: ExposureLevel;
};

/** Cuts a live tie (紐付け解除). */
export type UnlinkRecordsInput = {
  /** The tie to cut; it must be live. */
  linkId: Scalars['ID']['input'];
  /** When the tie was cut, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** The organization cutting the tie; it must be registered. */
  organizationId: Scalars['ID']['input'];
  /** Why the tie was cut. */
  reason: Scalars['String']['input'];
  /** The staff member (職員) who acted: their staff code, 1–64 letters, digits or . _ -. */
  staffCode: Scalars['String']['input'];
};

/** Records the withdrawal of a consent the subject gave. */
export type WithdrawConsentInput = {
  /** The consent to withdraw: granted and not yet withdrawn. */
  consentId: Scalars['ID']['input'];
  /** When it happened, ISO 8601 with a time zone. */
  occurredAt: Scalars['DateTime']['input'];
  /** An identifier naming the subject who gave it, as written (fingerprinted, never stored). */
  subject: IdentifierInput;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessChannel: AccessChannel;
  AccessHistoryConnection: ResolverTypeWrapper<AccessHistoryConnection>;
  AccessHistoryEdge: ResolverTypeWrapper<AccessHistoryEdge>;
  AccessHistoryEntry: ResolverTypeWrapper<AccessHistoryEntry>;
  AccessHistoryFilter: AccessHistoryFilter;
  AccessHistoryKind: AccessHistoryKind;
  AccessInformationInput: AccessInformationInput;
  AccessOutcome: AccessOutcome;
  ActivityKind: ActivityKind;
  ActivityRow: ResolverTypeWrapper<ActivityRow>;
  ActivitySection: ResolverTypeWrapper<ActivitySection>;
  ActivityTotals: ResolverTypeWrapper<ActivityTotals>;
  AmendRecordInput: AmendRecordInput;
  AppliedTransaction: ResolverTypeWrapper<AppliedTransaction>;
  Basic4Field: Basic4Field;
  Basic4Input: Basic4Input;
  BestMatch: ResolverTypeWrapper<BestMatch>;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  BilingualText: ResolverTypeWrapper<BilingualText>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BreachCategory: BreachCategory;
  BreachCategoryInfo: ResolverTypeWrapper<BreachCategoryInfo>;
  BreachReportDraft: ResolverTypeWrapper<BreachReportDraft>;
  BreachSection: ResolverTypeWrapper<BreachSection>;
  BreachSignalCount: ResolverTypeWrapper<BreachSignalCount>;
  Bucket: ResolverTypeWrapper<Bucket>;
  ClassSize: ResolverTypeWrapper<ClassSize>;
  ClassSizeCount: ResolverTypeWrapper<ClassSizeCount>;
  CommandResult: ResolverTypeWrapper<CommandResult>;
  ComplianceReport: ResolverTypeWrapper<ComplianceReport>;
  ConsistencyProof: ResolverTypeWrapper<ConsistencyProof>;
  CorrectEventInput: CorrectEventInput;
  CorrectionAction: CorrectionAction;
  Dataset: ResolverTypeWrapper<Dataset>;
  DatasetConnection: ResolverTypeWrapper<DatasetConnection>;
  DatasetEdge: ResolverTypeWrapper<DatasetEdge>;
  DatasetFilter: DatasetFilter;
  DatasetPia: ResolverTypeWrapper<DatasetPia>;
  DatasetReference: ResolverTypeWrapper<DatasetReference>;
  DatasetRisk: ResolverTypeWrapper<DatasetRisk>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Domain: Domain;
  DraftField: ResolverTypeWrapper<DraftField>;
  EnrollSubjectInput: EnrollSubjectInput;
  Explanation: ResolverTypeWrapper<Explanation>;
  Exposure: ResolverTypeWrapper<Exposure>;
  ExposureBucket: ResolverTypeWrapper<ExposureBucket>;
  ExposureDistribution: ResolverTypeWrapper<ExposureDistribution>;
  ExposureLevel: ExposureLevel;
  ExposureSection: ResolverTypeWrapper<ExposureSection>;
  Finding: ResolverTypeWrapper<Finding>;
  FindingConnection: ResolverTypeWrapper<FindingConnection>;
  FindingEdge: ResolverTypeWrapper<FindingEdge>;
  FindingEvent: ResolverTypeWrapper<FindingEvent>;
  FindingFilter: FindingFilter;
  FindingGroup: ResolverTypeWrapper<FindingGroup>;
  FindingRule: FindingRule;
  FindingSeverity: FindingSeverity;
  FindingsSection: ResolverTypeWrapper<FindingsSection>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GrantConsentInput: GrantConsentInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IdentifierInput: IdentifierInput;
  IdentifierKind: IdentifierKind;
  InclusionProof: ResolverTypeWrapper<InclusionProof>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IssueIdentifierInput: IssueIdentifierInput;
  IssuedIdentifierInput: IssuedIdentifierInput;
  Item: ResolverTypeWrapper<Item>;
  ItemCategory: ResolverTypeWrapper<ItemCategory>;
  ItemUse: ResolverTypeWrapper<ItemUse>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Journal: ResolverTypeWrapper<Journal>;
  LinkIdentifierSuccessorInput: LinkIdentifierSuccessorInput;
  LinkKeyInput: LinkKeyInput;
  LinkKeyKind: LinkKeyKind;
  LinkRecordsInput: LinkRecordsInput;
  Linkage: ResolverTypeWrapper<Linkage>;
  LinkageComponent: ResolverTypeWrapper<LinkageComponent>;
  LinkedRecord: ResolverTypeWrapper<LinkedRecord>;
  Matchability: ResolverTypeWrapper<Matchability>;
  MatchableDatasetPair: ResolverTypeWrapper<MatchableDatasetPair>;
  MonthlyActivity: ResolverTypeWrapper<MonthlyActivity>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Organization: ResolverTypeWrapper<Organization>;
  OrganizationConnection: ResolverTypeWrapper<OrganizationConnection>;
  OrganizationEdge: ResolverTypeWrapper<OrganizationEdge>;
  OrganizationFilter: OrganizationFilter;
  OrganizationKind: OrganizationKind;
  OverdueTie: ResolverTypeWrapper<OverdueTie>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ParkedEvent: ResolverTypeWrapper<ParkedEvent>;
  PastYearIncident: ResolverTypeWrapper<PastYearIncident>;
  PiaLevel: PiaLevel;
  PiaSection: ResolverTypeWrapper<PiaSection>;
  ProjectionStatus: ResolverTypeWrapper<ProjectionStatus>;
  ProsecutorRisk: ResolverTypeWrapper<ProsecutorRisk>;
  ProvideInformationInput: ProvideInformationInput;
  ProvisionOutcome: ProvisionOutcome;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordExposure: ResolverTypeWrapper<RecordExposure>;
  RegisterDatasetInput: RegisterDatasetInput;
  RegisterOrganizationInput: RegisterOrganizationInput;
  RegisterPermittedProvisionInput: RegisterPermittedProvisionInput;
  RegisterRecordInput: RegisterRecordInput;
  ReleaseNonDisclosureInput: ReleaseNonDisclosureInput;
  ReportDataset: ResolverTypeWrapper<ReportDataset>;
  ReportFinding: ResolverTypeWrapper<ReportFinding>;
  ReportParty: ResolverTypeWrapper<ReportParty>;
  ReportPeriod: ResolverTypeWrapper<ReportPeriod>;
  RetireIdentifierInput: RetireIdentifierInput;
  RetirementReason: RetirementReason;
  RiskyDataset: ResolverTypeWrapper<RiskyDataset>;
  Role: Role;
  Sex: Sex;
  SignedTreeHead: ResolverTypeWrapper<SignedTreeHead>;
  StoredEventRef: ResolverTypeWrapper<StoredEventRef>;
  StreamEvent: ResolverTypeWrapper<StreamEvent>;
  StreamEventConnection: ResolverTypeWrapper<StreamEventConnection>;
  StreamEventEdge: ResolverTypeWrapper<StreamEventEdge>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subject: ResolverTypeWrapper<Subject>;
  Tie: ResolverTypeWrapper<Tie>;
  TieHygiene: ResolverTypeWrapper<TieHygiene>;
  TieHygieneSection: ResolverTypeWrapper<TieHygieneSection>;
  TieLifetimeBucket: ResolverTypeWrapper<TieLifetimeBucket>;
  UniqueMatch: ResolverTypeWrapper<UniqueMatch>;
  UnlinkRecordsInput: UnlinkRecordsInput;
  WithdrawConsentInput: WithdrawConsentInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessHistoryConnection: AccessHistoryConnection;
  AccessHistoryEdge: AccessHistoryEdge;
  AccessHistoryEntry: AccessHistoryEntry;
  AccessHistoryFilter: AccessHistoryFilter;
  AccessInformationInput: AccessInformationInput;
  ActivityRow: ActivityRow;
  ActivitySection: ActivitySection;
  ActivityTotals: ActivityTotals;
  AmendRecordInput: AmendRecordInput;
  AppliedTransaction: AppliedTransaction;
  Basic4Input: Basic4Input;
  BestMatch: BestMatch;
  BigInt: Scalars['BigInt']['output'];
  BilingualText: BilingualText;
  Boolean: Scalars['Boolean']['output'];
  BreachCategoryInfo: BreachCategoryInfo;
  BreachReportDraft: BreachReportDraft;
  BreachSection: BreachSection;
  BreachSignalCount: BreachSignalCount;
  Bucket: Bucket;
  ClassSize: ClassSize;
  ClassSizeCount: ClassSizeCount;
  CommandResult: CommandResult;
  ComplianceReport: ComplianceReport;
  ConsistencyProof: ConsistencyProof;
  CorrectEventInput: CorrectEventInput;
  Dataset: Dataset;
  DatasetConnection: DatasetConnection;
  DatasetEdge: DatasetEdge;
  DatasetFilter: DatasetFilter;
  DatasetPia: DatasetPia;
  DatasetReference: DatasetReference;
  DatasetRisk: DatasetRisk;
  DateTime: Scalars['DateTime']['output'];
  DraftField: DraftField;
  EnrollSubjectInput: EnrollSubjectInput;
  Explanation: Explanation;
  Exposure: Exposure;
  ExposureBucket: ExposureBucket;
  ExposureDistribution: ExposureDistribution;
  ExposureSection: ExposureSection;
  Finding: Finding;
  FindingConnection: FindingConnection;
  FindingEdge: FindingEdge;
  FindingEvent: FindingEvent;
  FindingFilter: FindingFilter;
  FindingGroup: FindingGroup;
  FindingsSection: FindingsSection;
  Float: Scalars['Float']['output'];
  GrantConsentInput: GrantConsentInput;
  ID: Scalars['ID']['output'];
  IdentifierInput: IdentifierInput;
  InclusionProof: InclusionProof;
  Int: Scalars['Int']['output'];
  IssueIdentifierInput: IssueIdentifierInput;
  IssuedIdentifierInput: IssuedIdentifierInput;
  Item: Item;
  ItemCategory: ItemCategory;
  ItemUse: ItemUse;
  JSON: Scalars['JSON']['output'];
  Journal: Journal;
  LinkIdentifierSuccessorInput: LinkIdentifierSuccessorInput;
  LinkKeyInput: LinkKeyInput;
  LinkRecordsInput: LinkRecordsInput;
  Linkage: Linkage;
  LinkageComponent: LinkageComponent;
  LinkedRecord: LinkedRecord;
  Matchability: Matchability;
  MatchableDatasetPair: MatchableDatasetPair;
  MonthlyActivity: MonthlyActivity;
  Mutation: Record<PropertyKey, never>;
  Organization: Organization;
  OrganizationConnection: OrganizationConnection;
  OrganizationEdge: OrganizationEdge;
  OrganizationFilter: OrganizationFilter;
  OverdueTie: OverdueTie;
  PageInfo: PageInfo;
  ParkedEvent: ParkedEvent;
  PastYearIncident: PastYearIncident;
  PiaSection: PiaSection;
  ProjectionStatus: ProjectionStatus;
  ProsecutorRisk: ProsecutorRisk;
  ProvideInformationInput: ProvideInformationInput;
  Query: Record<PropertyKey, never>;
  RecordExposure: RecordExposure;
  RegisterDatasetInput: RegisterDatasetInput;
  RegisterOrganizationInput: RegisterOrganizationInput;
  RegisterPermittedProvisionInput: RegisterPermittedProvisionInput;
  RegisterRecordInput: RegisterRecordInput;
  ReleaseNonDisclosureInput: ReleaseNonDisclosureInput;
  ReportDataset: ReportDataset;
  ReportFinding: ReportFinding;
  ReportParty: ReportParty;
  ReportPeriod: ReportPeriod;
  RetireIdentifierInput: RetireIdentifierInput;
  RiskyDataset: RiskyDataset;
  SignedTreeHead: SignedTreeHead;
  StoredEventRef: StoredEventRef;
  StreamEvent: StreamEvent;
  StreamEventConnection: StreamEventConnection;
  StreamEventEdge: StreamEventEdge;
  String: Scalars['String']['output'];
  Subject: Subject;
  Tie: Tie;
  TieHygiene: TieHygiene;
  TieHygieneSection: TieHygieneSection;
  TieLifetimeBucket: TieLifetimeBucket;
  UniqueMatch: UniqueMatch;
  UnlinkRecordsInput: UnlinkRecordsInput;
  WithdrawConsentInput: WithdrawConsentInput;
};

export type AccessHistoryConnectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['AccessHistoryConnection'] = ResolversParentTypes['AccessHistoryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AccessHistoryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AccessHistoryEdgeResolvers<ContextType = any, ParentType extends ResolversParentTypes['AccessHistoryEdge'] = ResolversParentTypes['AccessHistoryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AccessHistoryEntry'], ParentType, ContextType>;
};

export type AccessHistoryEntryResolvers<ContextType = any, ParentType extends ResolversParentTypes['AccessHistoryEntry'] = ResolversParentTypes['AccessHistoryEntry']> = {
  counterparty?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  globalPosition?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AccessHistoryKind'], ParentType, ContextType>;
  legalBasis?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  namedDatasets?: Resolver<Array<ResolversTypes['DatasetReference']>, ParentType, ContextType>;
  namedItems?: Resolver<Array<ResolversTypes['Item']>, ParentType, ContextType>;
  nonDisclosure?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purposeEn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  staffCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tieId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ActivityRowResolvers<ContextType = any, ParentType extends ResolversParentTypes['ActivityRow'] = ResolversParentTypes['ActivityRow']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  counterparty?: Resolver<Maybe<ResolversTypes['ReportParty']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ActivityKind'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nonDisclosed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['ReportParty'], ParentType, ContextType>;
  procedure?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  refused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ActivitySectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['ActivitySection'] = ResolversParentTypes['ActivitySection']> = {
  months?: Resolver<Array<ResolversTypes['MonthlyActivity']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['ActivityRow']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['ActivityTotals'], ParentType, ContextType>;
};

export type ActivityTotalsResolvers<ContextType = any, ParentType extends ResolversParentTypes['ActivityTotals'] = ResolversParentTypes['ActivityTotals']> = {
  accesses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  accessesDenied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cuts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nonDisclosed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  provisions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  provisionsNoData?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  provisionsRefused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ties?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AppliedTransactionResolvers<ContextType = any, ParentType extends ResolversParentTypes['AppliedTransaction'] = ResolversParentTypes['AppliedTransaction']> = {
  applied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pending?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  transactionId?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type BestMatchResolvers<ContextType = any, ParentType extends ResolversParentTypes['BestMatch'] = ResolversParentTypes['BestMatch']> = {
  agreeingFields?: Resolver<Array<ResolversTypes['Basic4Field']>, ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  matchWeight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  probability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
};

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export type BilingualTextResolvers<ContextType = any, ParentType extends ResolversParentTypes['BilingualText'] = ResolversParentTypes['BilingualText']> = {
  en?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ja?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BreachCategoryInfoResolvers<ContextType = any, ParentType extends ResolversParentTypes['BreachCategoryInfo'] = ResolversParentTypes['BreachCategoryInfo']> = {
  basis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['BreachCategory'], ParentType, ContextType>;
  english?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BreachReportDraftResolvers<ContextType = any, ParentType extends ResolversParentTypes['BreachReportDraft'] = ResolversParentTypes['BreachReportDraft']> = {
  categories?: Resolver<Array<ResolversTypes['BreachCategory']>, ParentType, ContextType>;
  cause?: Resolver<ResolversTypes['DraftField'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['BigInt']>, ParentType, ContextType>;
  firstOccurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  lastOccurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['ReportParty'], ParentType, ContextType>;
  peopleAffected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prevention?: Resolver<ResolversTypes['DraftField'], ParentType, ContextType>;
  publication?: Resolver<ResolversTypes['DraftField'], ParentType, ContextType>;
  responseToPeople?: Resolver<ResolversTypes['DraftField'], ParentType, ContextType>;
  secondaryHarm?: Resolver<ResolversTypes['DraftField'], ParentType, ContextType>;
  signals?: Resolver<Array<ResolversTypes['BreachSignalCount']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BreachSectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['BreachSection'] = ResolversParentTypes['BreachSection']> = {
  categories?: Resolver<Array<ResolversTypes['BreachCategoryInfo']>, ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  drafts?: Resolver<Array<ResolversTypes['BreachReportDraft']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pastYear?: Resolver<Array<ResolversTypes['PastYearIncident']>, ParentType, ContextType>;
  signals?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BreachSignalCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['BreachSignalCount'] = ResolversParentTypes['BreachSignalCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BucketResolvers<ContextType = any, ParentType extends ResolversParentTypes['Bucket'] = ResolversParentTypes['Bucket']> = {
  bucket?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClassSizeResolvers<ContextType = any, ParentType extends ResolversParentTypes['ClassSize'] = ResolversParentTypes['ClassSize']> = {
  classSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['ExposureLevel'], ParentType, ContextType>;
};

export type ClassSizeCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['ClassSizeCount'] = ResolversParentTypes['ClassSizeCount']> = {
  classSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  classes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CommandResultResolvers<ContextType = any, ParentType extends ResolversParentTypes['CommandResult'] = ResolversParentTypes['CommandResult']> = {
  applied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  commandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['StoredEventRef']>, ParentType, ContextType>;
  transactionId?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
};

export type ComplianceReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['ComplianceReport'] = ResolversParentTypes['ComplianceReport']> = {
  activity?: Resolver<ResolversTypes['ActivitySection'], ParentType, ContextType>;
  breachReports?: Resolver<ResolversTypes['BreachSection'], ParentType, ContextType>;
  exposure?: Resolver<ResolversTypes['ExposureSection'], ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['FindingsSection'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['ReportParty']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['ReportPeriod'], ParentType, ContextType>;
  privacyImpactAssessments?: Resolver<ResolversTypes['PiaSection'], ParentType, ContextType>;
  tieHygiene?: Resolver<ResolversTypes['TieHygieneSection'], ParentType, ContextType>;
};

export type ConsistencyProofResolvers<ContextType = any, ParentType extends ResolversParentTypes['ConsistencyProof'] = ResolversParentTypes['ConsistencyProof']> = {
  document?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  fromHead?: Resolver<Maybe<ResolversTypes['SignedTreeHead']>, ParentType, ContextType>;
  fromRoot?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromSize?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  proof?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  toHead?: Resolver<Maybe<ResolversTypes['SignedTreeHead']>, ParentType, ContextType>;
  toRoot?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toSize?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type DatasetResolvers<ContextType = any, ParentType extends ResolversParentTypes['Dataset'] = ResolversParentTypes['Dataset']> = {
  basic4Fields?: Resolver<Array<ResolversTypes['Basic4Field']>, ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['Domain'], ParentType, ContextType>;
  holder?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keyedBy?: Resolver<Array<ResolversTypes['IdentifierKind']>, ParentType, ContextType>;
  legalBasis?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type DatasetConnectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['DatasetConnection'] = ResolversParentTypes['DatasetConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DatasetEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DatasetEdgeResolvers<ContextType = any, ParentType extends ResolversParentTypes['DatasetEdge'] = ResolversParentTypes['DatasetEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Dataset'], ParentType, ContextType>;
};

export type DatasetPiaResolvers<ContextType = any, ParentType extends ResolversParentTypes['DatasetPia'] = ResolversParentTypes['DatasetPia']> = {
  assessments?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes['ReportDataset'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['PiaLevel'], ParentType, ContextType>;
  peopleCovered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seriousIncidentsPastYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  specificPersonalInformationFile?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  staffWithAccess?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DatasetReferenceResolvers<ContextType = any, ParentType extends ResolversParentTypes['DatasetReference'] = ResolversParentTypes['DatasetReference']> = {
  holder?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DatasetRiskResolvers<ContextType = any, ParentType extends ResolversParentTypes['DatasetRisk'] = ResolversParentTypes['DatasetRisk']> = {
  classes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  expectedReidentificationRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  expectedReidentifications?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  histogram?: Resolver<Array<ResolversTypes['ClassSizeCount']>, ParentType, ContextType>;
  k?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['ExposureLevel'], ParentType, ContextType>;
  prosecutor?: Resolver<ResolversTypes['ProsecutorRisk'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sampleUniqueness?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DraftFieldResolvers<ContextType = any, ParentType extends ResolversParentTypes['DraftField'] = ResolversParentTypes['DraftField']> = {
  asks?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toFill?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ExplanationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Explanation'] = ResolversParentTypes['Explanation']> = {
  en?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ja?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ExposureResolvers<ContextType = any, ParentType extends ResolversParentTypes['Exposure'] = ResolversParentTypes['Exposure']> = {
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  bestMatch?: Resolver<Maybe<ResolversTypes['BestMatch']>, ParentType, ContextType>;
  explanations?: Resolver<Array<ResolversTypes['Explanation']>, ParentType, ContextType>;
  linkage?: Resolver<ResolversTypes['Linkage'], ParentType, ContextType>;
  lowestUniqueLevel?: Resolver<Maybe<ResolversTypes['ExposureLevel']>, ParentType, ContextType>;
  measuredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  records?: Resolver<Array<ResolversTypes['RecordExposure']>, ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  uniquelyMatchableDatasets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExposureBucketResolvers<ContextType = any, ParentType extends ResolversParentTypes['ExposureBucket'] = ResolversParentTypes['ExposureBucket']> = {
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjects?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExposureDistributionResolvers<ContextType = any, ParentType extends ResolversParentTypes['ExposureDistribution'] = ResolversParentTypes['ExposureDistribution']> = {
  datasetsByK?: Resolver<Array<ResolversTypes['Bucket']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['ExposureLevel'], ParentType, ContextType>;
  recordsByClassSize?: Resolver<Array<ResolversTypes['Bucket']>, ParentType, ContextType>;
  subjectsBySmallestClass?: Resolver<Array<ResolversTypes['Bucket']>, ParentType, ContextType>;
};

export type ExposureSectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['ExposureSection'] = ResolversParentTypes['ExposureSection']> = {
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  distribution?: Resolver<Array<ResolversTypes['ExposureBucket']>, ParentType, ContextType>;
  matchablePairs?: Resolver<Array<ResolversTypes['MatchableDatasetPair']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  riskyDatasets?: Resolver<Array<ResolversTypes['RiskyDataset']>, ParentType, ContextType>;
};

export type FindingResolvers<ContextType = any, ParentType extends ResolversParentTypes['Finding'] = ResolversParentTypes['Finding']> = {
  detail?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  detectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['FindingEvent']>, ParentType, ContextType>;
  explanation?: Resolver<ResolversTypes['BilingualText'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  party?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['FindingRule'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['FindingSeverity'], ParentType, ContextType>;
  staffCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  statute?: Resolver<ResolversTypes['BilingualText'], ParentType, ContextType>;
  subjectCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subjectId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['BilingualText'], ParentType, ContextType>;
};

export type FindingConnectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['FindingConnection'] = ResolversParentTypes['FindingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['FindingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FindingEdgeResolvers<ContextType = any, ParentType extends ResolversParentTypes['FindingEdge'] = ResolversParentTypes['FindingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Finding'], ParentType, ContextType>;
};

export type FindingEventResolvers<ContextType = any, ParentType extends ResolversParentTypes['FindingEvent'] = ResolversParentTypes['FindingEvent']> = {
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  globalPosition?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type FindingGroupResolvers<ContextType = any, ParentType extends ResolversParentTypes['FindingGroup'] = ResolversParentTypes['FindingGroup']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['ReportParty'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FindingsSectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['FindingsSection'] = ResolversParentTypes['FindingsSection']> = {
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['ReportFinding']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['FindingGroup']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type InclusionProofResolvers<ContextType = any, ParentType extends ResolversParentTypes['InclusionProof'] = ResolversParentTypes['InclusionProof']> = {
  auditPath?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  document?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  entry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  head?: Resolver<ResolversTypes['SignedTreeHead'], ParentType, ContextType>;
  leaf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  leafHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  leafIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ItemResolvers<ContextType = any, ParentType extends ResolversParentTypes['Item'] = ResolversParentTypes['Item']> = {
  category?: Resolver<Maybe<ResolversTypes['ItemCategory']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nameJa?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ItemCategoryResolvers<ContextType = any, ParentType extends ResolversParentTypes['ItemCategory'] = ResolversParentTypes['ItemCategory']> = {
  appendedTable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameJa?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ItemUseResolvers<ContextType = any, ParentType extends ResolversParentTypes['ItemUse'] = ResolversParentTypes['ItemUse']> = {
  dataset?: Resolver<Maybe<ResolversTypes['DatasetReference']>, ParentType, ContextType>;
  item?: Resolver<ResolversTypes['Item'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AccessHistoryKind'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provider?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  staffCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type JournalResolvers<ContextType = any, ParentType extends ResolversParentTypes['Journal'] = ResolversParentTypes['Journal']> = {
  document?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  latestHead?: Resolver<Maybe<ResolversTypes['SignedTreeHead']>, ParentType, ContextType>;
  logOrigin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  logVerifierKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publicKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sealedSize?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type LinkageResolvers<ContextType = any, ParentType extends ResolversParentTypes['Linkage'] = ResolversParentTypes['Linkage']> = {
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  components?: Resolver<Array<ResolversTypes['LinkageComponent']>, ParentType, ContextType>;
  explanations?: Resolver<Array<ResolversTypes['Explanation']>, ParentType, ContextType>;
  hygiene?: Resolver<ResolversTypes['TieHygiene'], ParentType, ContextType>;
  records?: Resolver<Array<ResolversTypes['LinkedRecord']>, ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ties?: Resolver<Array<ResolversTypes['Tie']>, ParentType, ContextType>;
};

export type LinkageComponentResolvers<ContextType = any, ParentType extends ResolversParentTypes['LinkageComponent'] = ResolversParentTypes['LinkageComponent']> = {
  datasetCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType>;
  domainCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  domains?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  recordIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type LinkedRecordResolvers<ContextType = any, ParentType extends ResolversParentTypes['LinkedRecord'] = ResolversParentTypes['LinkedRecord']> = {
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  identifierKinds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  recordId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MatchabilityResolvers<ContextType = any, ParentType extends ResolversParentTypes['Matchability'] = ResolversParentTypes['Matchability']> = {
  datasetA?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  datasetB?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['Basic4Field']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['ExposureLevel'], ParentType, ContextType>;
  matchableRecords?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shareOfA?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  shareOfB?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MatchableDatasetPairResolvers<ContextType = any, ParentType extends ResolversParentTypes['MatchableDatasetPair'] = ResolversParentTypes['MatchableDatasetPair']> = {
  datasetA?: Resolver<ResolversTypes['ReportDataset'], ParentType, ContextType>;
  datasetB?: Resolver<ResolversTypes['ReportDataset'], ParentType, ContextType>;
  matchability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shareOfA?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  shareOfB?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MonthlyActivityResolvers<ContextType = any, ParentType extends ResolversParentTypes['MonthlyActivity'] = ResolversParentTypes['MonthlyActivity']> = {
  accesses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cuts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provisions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ties?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  accessInformation?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationAccessInformationArgs, 'commandId' | 'input'>>;
  amendRecord?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationAmendRecordArgs, 'commandId' | 'input'>>;
  correctEvent?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationCorrectEventArgs, 'commandId' | 'input'>>;
  enrollSubject?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationEnrollSubjectArgs, 'commandId' | 'input'>>;
  grantConsent?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationGrantConsentArgs, 'commandId' | 'input'>>;
  issueIdentifier?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationIssueIdentifierArgs, 'commandId' | 'input'>>;
  linkIdentifierSuccessor?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationLinkIdentifierSuccessorArgs, 'commandId' | 'input'>>;
  linkRecords?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationLinkRecordsArgs, 'commandId' | 'input'>>;
  provideInformation?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationProvideInformationArgs, 'commandId' | 'input'>>;
  registerDataset?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationRegisterDatasetArgs, 'commandId' | 'input'>>;
  registerOrganization?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationRegisterOrganizationArgs, 'commandId' | 'input'>>;
  registerPermittedProvision?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationRegisterPermittedProvisionArgs, 'commandId' | 'input'>>;
  registerRecord?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationRegisterRecordArgs, 'commandId' | 'input'>>;
  releaseNonDisclosure?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationReleaseNonDisclosureArgs, 'commandId' | 'input'>>;
  retireIdentifier?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationRetireIdentifierArgs, 'commandId' | 'input'>>;
  unlinkRecords?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationUnlinkRecordsArgs, 'commandId' | 'input'>>;
  withdrawConsent?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationWithdrawConsentArgs, 'commandId' | 'input'>>;
};

export type OrganizationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = {
  domains?: Resolver<Array<ResolversTypes['Domain']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['OrganizationKind']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nameEn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type OrganizationConnectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['OrganizationConnection'] = ResolversParentTypes['OrganizationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrganizationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrganizationEdgeResolvers<ContextType = any, ParentType extends ResolversParentTypes['OrganizationEdge'] = ResolversParentTypes['OrganizationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
};

export type OverdueTieResolvers<ContextType = any, ParentType extends ResolversParentTypes['OverdueTie'] = ResolversParentTypes['OverdueTie']> = {
  datasets?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  daysOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expectedCutOffAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  linkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['ReportParty'], ParentType, ContextType>;
  tieId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = any, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ParkedEventResolvers<ContextType = any, ParentType extends ResolversParentTypes['ParkedEvent'] = ResolversParentTypes['ParkedEvent']> = {
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  globalPosition?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  streamId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PastYearIncidentResolvers<ContextType = any, ParentType extends ResolversParentTypes['PastYearIncident'] = ResolversParentTypes['PastYearIncident']> = {
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  draftedInPeriod?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  firstOccurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastOccurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['ReportParty'], ParentType, ContextType>;
  peopleAffected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PiaSectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['PiaSection'] = ResolversParentTypes['PiaSection']> = {
  datasets?: Resolver<Array<ResolversTypes['DatasetPia']>, ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProjectionStatusResolvers<ContextType = any, ParentType extends ResolversParentTypes['ProjectionStatus'] = ResolversParentTypes['ProjectionStatus']> = {
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorPosition?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  eventsProcessed?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lagEvents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lagSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parkedOn?: Resolver<Maybe<ResolversTypes['ParkedEvent']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  stale?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProsecutorRiskResolvers<ContextType = any, ParentType extends ResolversParentTypes['ProsecutorRisk'] = ResolversParentTypes['ProsecutorRisk']> = {
  highestRisk?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  recordsAtRisk?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  successRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = any, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accessHistory?: Resolver<ResolversTypes['AccessHistoryConnection'], ParentType, ContextType, RequireFields<QueryAccessHistoryArgs, 'first' | 'subjectId'>>;
  applied?: Resolver<ResolversTypes['AppliedTransaction'], ParentType, ContextType, RequireFields<QueryAppliedArgs, 'transactionId'>>;
  complianceReport?: Resolver<ResolversTypes['ComplianceReport'], ParentType, ContextType, RequireFields<QueryComplianceReportArgs, 'from' | 'to'>>;
  consistencyProof?: Resolver<ResolversTypes['ConsistencyProof'], ParentType, ContextType, RequireFields<QueryConsistencyProofArgs, 'fromSize' | 'toSize'>>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<QueryDatasetArgs, 'id'>>;
  datasetRisk?: Resolver<ResolversTypes['DatasetRisk'], ParentType, ContextType, RequireFields<QueryDatasetRiskArgs, 'datasetId' | 'level'>>;
  datasets?: Resolver<ResolversTypes['DatasetConnection'], ParentType, ContextType, RequireFields<QueryDatasetsArgs, 'first'>>;
  exposure?: Resolver<ResolversTypes['Exposure'], ParentType, ContextType, RequireFields<QueryExposureArgs, 'subjectId'>>;
  exposureDistribution?: Resolver<ResolversTypes['ExposureDistribution'], ParentType, ContextType, RequireFields<QueryExposureDistributionArgs, 'level'>>;
  findings?: Resolver<ResolversTypes['FindingConnection'], ParentType, ContextType, RequireFields<QueryFindingsArgs, 'first'>>;
  inclusionProof?: Resolver<ResolversTypes['InclusionProof'], ParentType, ContextType, RequireFields<QueryInclusionProofArgs, 'eventId'>>;
  items?: Resolver<Array<ResolversTypes['Item']>, ParentType, ContextType>;
  journal?: Resolver<ResolversTypes['Journal'], ParentType, ContextType>;
  linkage?: Resolver<ResolversTypes['Linkage'], ParentType, ContextType, RequireFields<QueryLinkageArgs, 'subjectId'>>;
  matchability?: Resolver<ResolversTypes['Matchability'], ParentType, ContextType, RequireFields<QueryMatchabilityArgs, 'datasetA' | 'datasetB' | 'level'>>;
  me?: Resolver<ResolversTypes['AccessHistoryConnection'], ParentType, ContextType, RequireFields<QueryMeArgs, 'first'>>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType, RequireFields<QueryOrganizationArgs, 'id'>>;
  organizations?: Resolver<ResolversTypes['OrganizationConnection'], ParentType, ContextType, RequireFields<QueryOrganizationsArgs, 'first'>>;
  projections?: Resolver<Array<ResolversTypes['ProjectionStatus']>, ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['StreamEventConnection'], ParentType, ContextType, RequireFields<QueryStreamArgs, 'first' | 'id'>>;
  subject?: Resolver<Maybe<ResolversTypes['Subject']>, ParentType, ContextType, RequireFields<QuerySubjectArgs, 'identifier'>>;
  whoAccessed?: Resolver<Array<ResolversTypes['ItemUse']>, ParentType, ContextType, RequireFields<QueryWhoAccessedArgs, 'item' | 'subjectId'>>;
};

export type RecordExposureResolvers<ContextType = any, ParentType extends ResolversParentTypes['RecordExposure'] = ResolversParentTypes['RecordExposure']> = {
  classSizes?: Resolver<Array<ResolversTypes['ClassSize']>, ParentType, ContextType>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  recordId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  uniquelyMatchableIn?: Resolver<Array<ResolversTypes['UniqueMatch']>, ParentType, ContextType>;
};

export type ReportDatasetResolvers<ContextType = any, ParentType extends ResolversParentTypes['ReportDataset'] = ResolversParentTypes['ReportDataset']> = {
  holder?: Resolver<Maybe<ResolversTypes['ReportParty']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ReportFindingResolvers<ContextType = any, ParentType extends ResolversParentTypes['ReportFinding'] = ResolversParentTypes['ReportFinding']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  descriptionEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lastOccurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['ReportParty'], ParentType, ContextType>;
  party?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  staffCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  statute?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjectIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  titleEn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReportPartyResolvers<ContextType = any, ParentType extends ResolversParentTypes['ReportParty'] = ResolversParentTypes['ReportParty']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ReportPeriodResolvers<ContextType = any, ParentType extends ResolversParentTypes['ReportPeriod'] = ResolversParentTypes['ReportPeriod']> = {
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type RiskyDatasetResolvers<ContextType = any, ParentType extends ResolversParentTypes['RiskyDataset'] = ResolversParentTypes['RiskyDataset']> = {
  dataset?: Resolver<ResolversTypes['ReportDataset'], ParentType, ContextType>;
  k?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sampleUniqueness?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SignedTreeHeadResolvers<ContextType = any, ParentType extends ResolversParentTypes['SignedTreeHead'] = ResolversParentTypes['SignedTreeHead']> = {
  keyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rootHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signedMessage?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timestamp?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  treeSize?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type StoredEventRefResolvers<ContextType = any, ParentType extends ResolversParentTypes['StoredEventRef'] = ResolversParentTypes['StoredEventRef']> = {
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  streamId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StreamEventResolvers<ContextType = any, ParentType extends ResolversParentTypes['StreamEvent'] = ResolversParentTypes['StreamEvent']> = {
  data?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  globalPosition?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metadata?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  schemaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StreamEventConnectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['StreamEventConnection'] = ResolversParentTypes['StreamEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StreamEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type StreamEventEdgeResolvers<ContextType = any, ParentType extends ResolversParentTypes['StreamEventEdge'] = ResolversParentTypes['StreamEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StreamEvent'], ParentType, ContextType>;
};

export type SubjectResolvers<ContextType = any, ParentType extends ResolversParentTypes['Subject'] = ResolversParentTypes['Subject']> = {
  accessHistory?: Resolver<ResolversTypes['AccessHistoryConnection'], ParentType, ContextType, RequireFields<SubjectAccessHistoryArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TieResolvers<ContextType = any, ParentType extends ResolversParentTypes['Tie'] = ResolversParentTypes['Tie']> = {
  ageDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  datasetA?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  datasetB?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  expectedCutOffAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  identifierKind?: Resolver<Maybe<ResolversTypes['IdentifierKind']>, ParentType, ContextType>;
  keyBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  legalBasis?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  linkId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  linkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  live?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordA?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordB?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unlinkedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type TieHygieneResolvers<ContextType = any, ParentType extends ResolversParentTypes['TieHygiene'] = ResolversParentTypes['TieHygiene']> = {
  identifiersPastLifetime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  liveTies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  myNumberTiesAcrossOrganizations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldestLiveTieDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  overdueTies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TieHygieneSectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['TieHygieneSection'] = ResolversParentTypes['TieHygieneSection']> = {
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lifetimes?: Resolver<Array<ResolversTypes['TieLifetimeBucket']>, ParentType, ContextType>;
  liveTies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  liveTiesThroughMyNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<Array<ResolversTypes['OverdueTie']>, ParentType, ContextType>;
  overdueTies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tiesCutInPeriod?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tiesMadeInPeriod?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TieLifetimeBucketResolvers<ContextType = any, ParentType extends ResolversParentTypes['TieLifetimeBucket'] = ResolversParentTypes['TieLifetimeBucket']> = {
  cutInPeriod?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fromDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  live?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  toDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type UniqueMatchResolvers<ContextType = any, ParentType extends ResolversParentTypes['UniqueMatch'] = ResolversParentTypes['UniqueMatch']> = {
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['Basic4Field']>, ParentType, ContextType>;
  lowestLevel?: Resolver<ResolversTypes['ExposureLevel'], ParentType, ContextType>;
};

export type Resolvers<ContextType = any> = {
  AccessHistoryConnection?: AccessHistoryConnectionResolvers<ContextType>;
  AccessHistoryEdge?: AccessHistoryEdgeResolvers<ContextType>;
  AccessHistoryEntry?: AccessHistoryEntryResolvers<ContextType>;
  ActivityRow?: ActivityRowResolvers<ContextType>;
  ActivitySection?: ActivitySectionResolvers<ContextType>;
  ActivityTotals?: ActivityTotalsResolvers<ContextType>;
  AppliedTransaction?: AppliedTransactionResolvers<ContextType>;
  BestMatch?: BestMatchResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  BilingualText?: BilingualTextResolvers<ContextType>;
  BreachCategoryInfo?: BreachCategoryInfoResolvers<ContextType>;
  BreachReportDraft?: BreachReportDraftResolvers<ContextType>;
  BreachSection?: BreachSectionResolvers<ContextType>;
  BreachSignalCount?: BreachSignalCountResolvers<ContextType>;
  Bucket?: BucketResolvers<ContextType>;
  ClassSize?: ClassSizeResolvers<ContextType>;
  ClassSizeCount?: ClassSizeCountResolvers<ContextType>;
  CommandResult?: CommandResultResolvers<ContextType>;
  ComplianceReport?: ComplianceReportResolvers<ContextType>;
  ConsistencyProof?: ConsistencyProofResolvers<ContextType>;
  Dataset?: DatasetResolvers<ContextType>;
  DatasetConnection?: DatasetConnectionResolvers<ContextType>;
  DatasetEdge?: DatasetEdgeResolvers<ContextType>;
  DatasetPia?: DatasetPiaResolvers<ContextType>;
  DatasetReference?: DatasetReferenceResolvers<ContextType>;
  DatasetRisk?: DatasetRiskResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DraftField?: DraftFieldResolvers<ContextType>;
  Explanation?: ExplanationResolvers<ContextType>;
  Exposure?: ExposureResolvers<ContextType>;
  ExposureBucket?: ExposureBucketResolvers<ContextType>;
  ExposureDistribution?: ExposureDistributionResolvers<ContextType>;
  ExposureSection?: ExposureSectionResolvers<ContextType>;
  Finding?: FindingResolvers<ContextType>;
  FindingConnection?: FindingConnectionResolvers<ContextType>;
  FindingEdge?: FindingEdgeResolvers<ContextType>;
  FindingEvent?: FindingEventResolvers<ContextType>;
  FindingGroup?: FindingGroupResolvers<ContextType>;
  FindingsSection?: FindingsSectionResolvers<ContextType>;
  InclusionProof?: InclusionProofResolvers<ContextType>;
  Item?: ItemResolvers<ContextType>;
  ItemCategory?: ItemCategoryResolvers<ContextType>;
  ItemUse?: ItemUseResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Journal?: JournalResolvers<ContextType>;
  Linkage?: LinkageResolvers<ContextType>;
  LinkageComponent?: LinkageComponentResolvers<ContextType>;
  LinkedRecord?: LinkedRecordResolvers<ContextType>;
  Matchability?: MatchabilityResolvers<ContextType>;
  MatchableDatasetPair?: MatchableDatasetPairResolvers<ContextType>;
  MonthlyActivity?: MonthlyActivityResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  OrganizationConnection?: OrganizationConnectionResolvers<ContextType>;
  OrganizationEdge?: OrganizationEdgeResolvers<ContextType>;
  OverdueTie?: OverdueTieResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ParkedEvent?: ParkedEventResolvers<ContextType>;
  PastYearIncident?: PastYearIncidentResolvers<ContextType>;
  PiaSection?: PiaSectionResolvers<ContextType>;
  ProjectionStatus?: ProjectionStatusResolvers<ContextType>;
  ProsecutorRisk?: ProsecutorRiskResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordExposure?: RecordExposureResolvers<ContextType>;
  ReportDataset?: ReportDatasetResolvers<ContextType>;
  ReportFinding?: ReportFindingResolvers<ContextType>;
  ReportParty?: ReportPartyResolvers<ContextType>;
  ReportPeriod?: ReportPeriodResolvers<ContextType>;
  RiskyDataset?: RiskyDatasetResolvers<ContextType>;
  SignedTreeHead?: SignedTreeHeadResolvers<ContextType>;
  StoredEventRef?: StoredEventRefResolvers<ContextType>;
  StreamEvent?: StreamEventResolvers<ContextType>;
  StreamEventConnection?: StreamEventConnectionResolvers<ContextType>;
  StreamEventEdge?: StreamEventEdgeResolvers<ContextType>;
  Subject?: SubjectResolvers<ContextType>;
  Tie?: TieResolvers<ContextType>;
  TieHygiene?: TieHygieneResolvers<ContextType>;
  TieHygieneSection?: TieHygieneSectionResolvers<ContextType>;
  TieLifetimeBucket?: TieLifetimeBucketResolvers<ContextType>;
  UniqueMatch?: UniqueMatchResolvers<ContextType>;
};

