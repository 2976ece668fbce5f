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
  /** An instant, ISO 8601 with a time zone (e.g. 2024-04-01T09:00:00+09:00). Answers are given in UTC. */
  DateTime: { input: string; output: string; }
  /** Any JSON value, as stored in an event. */
  JSON: { input: unknown; output: unknown; }
};

export type AccessChannel =
  | 'API'
  | 'BATCH'
  | 'COUNTER'
  | 'PAPER'
  | 'TERMINAL';

/** A page of an access history (Relay connection). */
export type AccessHistoryConnection = {
  __typename?: 'AccessHistoryConnection';
  edges: Array<AccessHistoryEdge>;
  pageInfo: PageInfo;
  /** How many lines match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of an access-history connection. */
export type AccessHistoryEdge = {
  __typename?: 'AccessHistoryEdge';
  cursor: Scalars['String']['output'];
  node: AccessHistoryEntry;
};

/** One line of a subject's access history. */
export type AccessHistoryEntry = {
  __typename?: 'AccessHistoryEntry';
  /** The other party: the provider (情報提供者) of a provision. */
  counterparty: Maybe<Organization>;
  /** The datasets concerned. */
  datasets: Array<Scalars['String']['output']>;
  /** The event's position in the global log. */
  globalPosition: Scalars['BigInt']['output'];
  /** The id of the event the line records. */
  id: Scalars['ID']['output'];
  /** The items of personal information concerned (特定個人情報の項目). */
  items: Array<Scalars['String']['output']>;
  kind: AccessHistoryKind;
  /** The legal basis (根拠法令), where one was given. */
  legalBasis: Maybe<Scalars['String']['output']>;
  /** Whether the line is under a non-disclosure flag (不開示). Citizens never see such lines. */
  nonDisclosure: Scalars['Boolean']['output'];
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** Who: the organization that obtained, used, tied, cut or audited. */
  organization: Organization;
  /** PROVIDED, REFUSED or NO_DATA for a provision; GRANTED or DENIED for an access. */
  outcome: Maybe<Scalars['String']['output']>;
  /** Why: the purpose (利用目的), the procedure of a provision (事務), the reason of a cut, or the auditor's query. */
  purpose: Maybe<Scalars['String']['output']>;
  /** The staff member (職員), or the auditor, who acted. */
  staffCode: Maybe<Scalars['String']['output']>;
};

/** Narrows an access history. All given conditions must hold. */
export type AccessHistoryFilter = {
  /** Lines at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Lines that concern this item of information (e.g. INCOME). */
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
  /** 紐付け: two records of the subject were tied. */
  | 'LINK'
  /** 情報提供: an organization obtained the subject's information from another. */
  | 'PROVISION'
  /** 紐付け解除: a tie was cut. */
  | 'UNLINK';

export type AccessInformationInput = {
  accessId: Scalars['ID']['input'];
  channel: AccessChannel;
  datasetId: Scalars['ID']['input'];
  items: Array<Scalars['String']['input']>;
  occurredAt: Scalars['DateTime']['input'];
  organizationId: Scalars['ID']['input'];
  outcome: AccessOutcome;
  purpose?: InputMaybe<Scalars['String']['input']>;
  staffCode: Scalars['String']['input'];
  subject: IdentifierInput;
};

export type AccessOutcome =
  | 'DENIED'
  | 'GRANTED';

export type AmendRecordInput = {
  basic4: Basic4Input;
  occurredAt: Scalars['DateTime']['input'];
  reason: Scalars['String']['input'];
  recordId: Scalars['ID']['input'];
};

/** The basic-4 information (基本4情報) a dataset may hold. */
export type Basic4Field =
  | 'ADDRESS'
  | 'BIRTH_DATE'
  | 'NAME_KANA'
  | 'NAME_KANJI'
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
  sex?: InputMaybe<Sex>;
};

/** What a command stored. Sent again with the same commandId, a command stores nothing and answers the same events. */
export type CommandResult = {
  __typename?: 'CommandResult';
  /** False when the command had been stored before: nothing new was written. */
  applied: Scalars['Boolean']['output'];
  commandId: Scalars['ID']['output'];
  events: Array<StoredEventRef>;
};

/**
 * A consistency proof (整合性証明): that the tree of `toSize` events extends the tree of `fromSize` — the first
 * `fromSize` events are exactly those that were there, in the same order. RFC 9162 §2.1.4.2.
 */
export type ConsistencyProof = {
  __typename?: 'ConsistencyProof';
  /** The whole proof as a document (format himotoki-journal-proof/v1), to save and check offline. */
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

/** A dataset: what it is for, under which law, keyed by which identifiers, holding which basic-4 fields. */
export type Dataset = {
  __typename?: 'Dataset';
  basic4Fields: Array<Basic4Field>;
  domain: Domain;
  holder: Organization;
  id: Scalars['ID']['output'];
  keyedBy: Array<IdentifierKind>;
  /** 根拠法令 */
  legalBasis: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** 利用目的 */
  purpose: Scalars['String']['output'];
  registeredAt: Scalars['DateTime']['output'];
};

/** Domains in which identifiers and information are used. */
export type Domain =
  | 'DISASTER'
  | 'PRIVATE'
  | 'SOCIAL_SECURITY'
  | 'TAX';

export type EnrollSubjectInput = {
  enrolledBy: Scalars['ID']['input'];
  identifiers: Array<IssuedIdentifierInput>;
  occurredAt: Scalars['DateTime']['input'];
};

export type GrantConsentInput = {
  consentId: Scalars['ID']['input'];
  occurredAt: Scalars['DateTime']['input'];
  organizationId: Scalars['ID']['input'];
  purpose: Scalars['String']['input'];
  scope: Scalars['String']['input'];
  subject: IdentifierInput;
};

/** An identifier as a client names it. The value is fingerprinted on the way in and never stored. */
export type IdentifierInput = {
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
 * SHA-256(0x00 ‖ leaf) = leafHash, the audit path leads from it to head.rootHash (RFC 9162 §2.1.3.2), and the
 * head's signature.
 */
export type InclusionProof = {
  __typename?: 'InclusionProof';
  /** The sibling hashes from the leaf up to the root, lowercase hex. */
  auditPath: Array<Scalars['String']['output']>;
  /** The whole proof as a document (format himotoki-journal-proof/v1), to save and check offline with `himotoki verify --proof`. */
  document: Scalars['JSON']['output'];
  /** The event proven. */
  eventId: Scalars['ID']['output'];
  /** The signed head the proof leads to. */
  head: SignedTreeHead;
  /** The leaf: the event's RFC 8785 canonical JSON, exactly as hashed (UTF-8). */
  leaf: Scalars['String']['output'];
  /** SHA-256(0x00 ‖ leaf), lowercase hex. */
  leafHash: Scalars['String']['output'];
  /** Its place in the log's order (0-based): the leaf index. */
  leafIndex: Scalars['BigInt']['output'];
};

export type IssueIdentifierInput = {
  identifier: IssuedIdentifierInput;
  issuedBy: Scalars['ID']['input'];
  occurredAt: Scalars['DateTime']['input'];
  /** An identifier the subject already has. */
  subject: IdentifierInput;
};

/** An identifier being issued, with the end of its validity where it has one (JPKI certificates: 5 years). */
export type IssuedIdentifierInput = {
  kind: IdentifierKind;
  scope?: InputMaybe<Scalars['ID']['input']>;
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
  value: Scalars['String']['input'];
};

/** One use of an item: who obtained or used it, when and why. */
export type ItemUse = {
  __typename?: 'ItemUse';
  /** PROVISION (obtained from another organization) or ACCESS (used in a dataset). */
  kind: AccessHistoryKind;
  occurredAt: Scalars['DateTime']['output'];
  organization: Organization;
  outcome: Maybe<Scalars['String']['output']>;
  purpose: Maybe<Scalars['String']['output']>;
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
  /** The journal's Ed25519 public key (PEM SubjectPublicKeyInfo): pin it, and check every head against it. */
  publicKey: Scalars['String']['output'];
  /** Events sealed into the tree so far (the newest head may cover fewer until the next signing). */
  sealedSize: Scalars['BigInt']['output'];
};

export type LinkIdentifierSuccessorInput = {
  /** The subject's consent to link old and new (JPKI serials); null when none was given. */
  consentReference?: InputMaybe<Scalars['ID']['input']>;
  identifier: IdentifierInput;
  linkedBy: Scalars['ID']['input'];
  occurredAt: Scalars['DateTime']['input'];
  successor: IdentifierInput;
};

/** The key a tie is made through. */
export type LinkKeyInput = {
  by: LinkKeyKind;
  /** With IDENTIFIER: which kind. */
  identifierKind?: InputMaybe<IdentifierKind>;
};

export type LinkKeyKind =
  /** Matching on basic-4 information (名寄せ). */
  | 'BASIC4'
  /** A shared identifier. */
  | 'IDENTIFIER';

export type LinkRecordsInput = {
  /** When the tie is expected to be cut (使用後の紐付け解除). */
  expectedCutOffAt?: InputMaybe<Scalars['DateTime']['input']>;
  key: LinkKeyInput;
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  linkId: Scalars['ID']['input'];
  occurredAt: Scalars['DateTime']['input'];
  organizationId: Scalars['ID']['input'];
  purpose: Scalars['String']['input'];
  records: Array<Scalars['ID']['input']>;
  staffCode: Scalars['String']['input'];
};

/**
 * Ingestion, one mutation per command. Each takes a client-chosen `commandId` (a UUID) so that retries are
 * idempotent. An organization may only send events it is party to; operators may send any.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** 閲覧・利用 */
  accessInformation: CommandResult;
  amendRecord: CommandResult;
  enrollSubject: CommandResult;
  grantConsent: CommandResult;
  issueIdentifier: CommandResult;
  linkIdentifierSuccessor: CommandResult;
  /** 紐付け */
  linkRecords: CommandResult;
  /** 情報提供 */
  provideInformation: CommandResult;
  registerDataset: CommandResult;
  registerOrganization: CommandResult;
  /** Operators only: the table of permitted provisions is the law's, not an organization's. */
  registerPermittedProvision: CommandResult;
  registerRecord: CommandResult;
  releaseNonDisclosure: CommandResult;
  retireIdentifier: CommandResult;
  /** 紐付け解除 */
  unlinkRecords: CommandResult;
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
  domains: Array<Domain>;
  id: Scalars['ID']['output'];
  kind: Maybe<OrganizationKind>;
  /** Its name; null when the organization was never registered (an unknown party named in an event). */
  name: Maybe<Scalars['String']['output']>;
  registeredAt: Maybe<Scalars['DateTime']['output']>;
};

/** Kinds of organization (機関・事業者). */
export type OrganizationKind =
  | 'EMPLOYER'
  | 'HEALTH_INSURER'
  | 'MINISTRY'
  | 'MUNICIPALITY'
  | 'PENSION'
  | 'PRIVATE_BUSINESS'
  | 'TAX';

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

/** A projection's progress. */
export type ProjectionStatus = {
  __typename?: 'ProjectionStatus';
  error: Maybe<Scalars['String']['output']>;
  errorPosition: Maybe<Scalars['BigInt']['output']>;
  eventsProcessed: Scalars['BigInt']['output'];
  /** Events in the log not yet applied. */
  lagEvents: Scalars['Int']['output'];
  /** Age in seconds of the oldest event not yet applied. */
  lagSeconds: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  /** Global position of the last event applied. */
  position: Scalars['BigInt']['output'];
  /** running, parked (stopped on an event it could not apply) or stopped. */
  state: Scalars['String']['output'];
};

export type ProvideInformationInput = {
  items: Array<Scalars['String']['input']>;
  legalBasis: Scalars['String']['input'];
  /** 不開示: hidden from the subject until released. */
  nonDisclosure?: InputMaybe<Scalars['Boolean']['input']>;
  outcome: ProvisionOutcome;
  /** 事務 */
  procedure: Scalars['String']['input'];
  providedAt?: InputMaybe<Scalars['DateTime']['input']>;
  providerId: Scalars['ID']['input'];
  provisionId: Scalars['ID']['input'];
  requestedAt: Scalars['DateTime']['input'];
  requesterId: Scalars['ID']['input'];
  subject: IdentifierInput;
};

export type ProvisionOutcome =
  | 'NO_DATA'
  | 'PROVIDED'
  | 'REFUSED';

export type Query = {
  __typename?: 'Query';
  /**
   * A subject's access history (情報提供等記録), newest first: every provision, access, tie, cut and audit
   * that touched them. Auditors see all of it (and the query is recorded in the subject's history as AUDIT);
   * an organization sees only the lines where it is the actor or the counterparty; a subject only their own.
   * `first` is at most 500.
   */
  accessHistory: AccessHistoryConnection;
  /** That the journal of `toSize` events extends the one of `fromSize`. Any role. */
  consistencyProof: ConsistencyProof;
  /** A dataset (特定個人情報ファイル or a company's customer file) by id. */
  dataset: Maybe<Dataset>;
  /**
   * That an event is in the journal, under the newest signed head (or the head signed at `treeSize`). Auditors
   * and operators: any event (an auditor's proof of an event about subjects is recorded in their histories);
   * an organization: events in its own activity (where it acted or was the counterparty); a subject: events
   * about themselves (their own history, never a non-disclosed line, and their own subject stream).
   */
  inclusionProof: InclusionProof;
  /** The journal: its public key and newest signed head. Any role. */
  journal: Journal;
  /** The signed-in citizen's own access history (the Mynaportal view), without lines under a non-disclosure flag (不開示). */
  me: AccessHistoryConnection;
  /** An organization (機関・事業者) by id. */
  organization: Maybe<Organization>;
  /** The read models' projections: position, lag and state. Auditors and operators. */
  projections: Array<ProjectionStatus>;
  /** The events of one stream, oldest first, as stored. Auditors only. */
  stream: StreamEventConnection;
  /** Resolves a subject from one of their identifiers (fingerprinted on the way in; the value is never stored). Auditors only. */
  subject: Maybe<Subject>;
  /** The organizations and staff codes that obtained (provision) or used (access) an item of the subject's information, when and why. */
  whoAccessed: Array<ItemUse>;
};


export type QueryAccessHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccessHistoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  subjectId: Scalars['ID']['input'];
};


export type QueryConsistencyProofArgs = {
  fromSize: Scalars['BigInt']['input'];
  toSize: Scalars['BigInt']['input'];
};


export type QueryDatasetArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInclusionProofArgs = {
  eventId: Scalars['ID']['input'];
  treeSize?: InputMaybe<Scalars['BigInt']['input']>;
};


export type QueryMeArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccessHistoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOrganizationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStreamArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


export type QuerySubjectArgs = {
  identifier: IdentifierInput;
};


export type QueryWhoAccessedArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  item: Scalars['String']['input'];
  subjectId: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type RegisterDatasetInput = {
  basic4Fields: Array<Basic4Field>;
  datasetId: Scalars['ID']['input'];
  domain: Domain;
  holderId: Scalars['ID']['input'];
  keyedBy: Array<IdentifierKind>;
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  occurredAt: Scalars['DateTime']['input'];
  purpose: Scalars['String']['input'];
};

export type RegisterOrganizationInput = {
  domains: Array<Domain>;
  kind: OrganizationKind;
  name: Scalars['String']['input'];
  occurredAt: Scalars['DateTime']['input'];
  organizationId: Scalars['ID']['input'];
};

/** A row of the table of permitted provisions (番号法 別表第二): who may obtain which items from whom, for which procedure. */
export type RegisterPermittedProvisionInput = {
  items: Array<Scalars['String']['input']>;
  legalBasis: Scalars['String']['input'];
  occurredAt: Scalars['DateTime']['input'];
  permittedProvisionId: Scalars['ID']['input'];
  /** 事務 */
  procedure: Scalars['String']['input'];
  providerId: Scalars['ID']['input'];
  requesterId: Scalars['ID']['input'];
};

export type RegisterRecordInput = {
  basic4: Basic4Input;
  datasetId: Scalars['ID']['input'];
  /** The identifiers the record is keyed by; the subject's identifier when omitted. */
  identifiers?: InputMaybe<Array<IdentifierInput>>;
  occurredAt: Scalars['DateTime']['input'];
  recordId: Scalars['ID']['input'];
  subject: IdentifierInput;
};

export type ReleaseNonDisclosureInput = {
  occurredAt: Scalars['DateTime']['input'];
  provisionId: Scalars['ID']['input'];
  releasedBy: Scalars['ID']['input'];
};

export type RetireIdentifierInput = {
  identifier: IdentifierInput;
  occurredAt: Scalars['DateTime']['input'];
  reason: RetirementReason;
  retiredBy: Scalars['ID']['input'];
};

export type RetirementReason =
  | 'EXPIRED'
  | 'LEAKED'
  | 'ROTATED';

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

export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'OTHER'
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
  eventId: Scalars['ID']['output'];
  globalPosition: Scalars['BigInt']['output'];
  streamId: Scalars['String']['output'];
  type: Scalars['String']['output'];
};

/** An event as the store keeps it. */
export type StreamEvent = {
  __typename?: 'StreamEvent';
  data: Scalars['JSON']['output'];
  globalPosition: Scalars['BigInt']['output'];
  id: Scalars['ID']['output'];
  metadata: Scalars['JSON']['output'];
  recordedAt: Scalars['DateTime']['output'];
  /** Position within its stream, from 0. */
  revision: Scalars['BigInt']['output'];
  schemaVersion: Scalars['Int']['output'];
  type: Scalars['String']['output'];
};

/** A page of a stream's events. */
export type StreamEventConnection = {
  __typename?: 'StreamEventConnection';
  edges: Array<StreamEventEdge>;
  pageInfo: PageInfo;
};

export type StreamEventEdge = {
  __typename?: 'StreamEventEdge';
  cursor: Scalars['String']['output'];
  node: StreamEvent;
};

/** A person, known to the platform only by an opaque id. */
export type Subject = {
  __typename?: 'Subject';
  /** Their access history, as `accessHistory(subjectId:)` gives it. */
  accessHistory: AccessHistoryConnection;
  id: Scalars['ID']['output'];
};


/** A person, known to the platform only by an opaque id. */
export type SubjectAccessHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccessHistoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type UnlinkRecordsInput = {
  linkId: Scalars['ID']['input'];
  occurredAt: Scalars['DateTime']['input'];
  organizationId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  staffCode: Scalars['String']['input'];
};

export type WithdrawConsentInput = {
  consentId: Scalars['ID']['input'];
  occurredAt: Scalars['DateTime']['input'];
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
  AmendRecordInput: AmendRecordInput;
  Basic4Field: Basic4Field;
  Basic4Input: Basic4Input;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CommandResult: ResolverTypeWrapper<CommandResult>;
  ConsistencyProof: ResolverTypeWrapper<ConsistencyProof>;
  Dataset: ResolverTypeWrapper<Dataset>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Domain: Domain;
  EnrollSubjectInput: EnrollSubjectInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GrantConsentInput: GrantConsentInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IdentifierInput: IdentifierInput;
  IdentifierKind: IdentifierKind;
  InclusionProof: ResolverTypeWrapper<InclusionProof>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  IssueIdentifierInput: IssueIdentifierInput;
  IssuedIdentifierInput: IssuedIdentifierInput;
  ItemUse: ResolverTypeWrapper<ItemUse>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Journal: ResolverTypeWrapper<Journal>;
  LinkIdentifierSuccessorInput: LinkIdentifierSuccessorInput;
  LinkKeyInput: LinkKeyInput;
  LinkKeyKind: LinkKeyKind;
  LinkRecordsInput: LinkRecordsInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Organization: ResolverTypeWrapper<Organization>;
  OrganizationKind: OrganizationKind;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ProjectionStatus: ResolverTypeWrapper<ProjectionStatus>;
  ProvideInformationInput: ProvideInformationInput;
  ProvisionOutcome: ProvisionOutcome;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterDatasetInput: RegisterDatasetInput;
  RegisterOrganizationInput: RegisterOrganizationInput;
  RegisterPermittedProvisionInput: RegisterPermittedProvisionInput;
  RegisterRecordInput: RegisterRecordInput;
  ReleaseNonDisclosureInput: ReleaseNonDisclosureInput;
  RetireIdentifierInput: RetireIdentifierInput;
  RetirementReason: RetirementReason;
  Role: Role;
  Sex: Sex;
  SignedTreeHead: ResolverTypeWrapper<SignedTreeHead>;
  StoredEventRef: ResolverTypeWrapper<StoredEventRef>;
  StreamEvent: ResolverTypeWrapper<StreamEvent>;
  StreamEventConnection: ResolverTypeWrapper<StreamEventConnection>;
  StreamEventEdge: ResolverTypeWrapper<StreamEventEdge>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subject: ResolverTypeWrapper<Subject>;
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
  AmendRecordInput: AmendRecordInput;
  Basic4Input: Basic4Input;
  BigInt: Scalars['BigInt']['output'];
  Boolean: Scalars['Boolean']['output'];
  CommandResult: CommandResult;
  ConsistencyProof: ConsistencyProof;
  Dataset: Dataset;
  DateTime: Scalars['DateTime']['output'];
  EnrollSubjectInput: EnrollSubjectInput;
  Float: Scalars['Float']['output'];
  GrantConsentInput: GrantConsentInput;
  ID: Scalars['ID']['output'];
  IdentifierInput: IdentifierInput;
  InclusionProof: InclusionProof;
  Int: Scalars['Int']['output'];
  IssueIdentifierInput: IssueIdentifierInput;
  IssuedIdentifierInput: IssuedIdentifierInput;
  ItemUse: ItemUse;
  JSON: Scalars['JSON']['output'];
  Journal: Journal;
  LinkIdentifierSuccessorInput: LinkIdentifierSuccessorInput;
  LinkKeyInput: LinkKeyInput;
  LinkRecordsInput: LinkRecordsInput;
  Mutation: Record<PropertyKey, never>;
  Organization: Organization;
  PageInfo: PageInfo;
  ProjectionStatus: ProjectionStatus;
  ProvideInformationInput: ProvideInformationInput;
  Query: Record<PropertyKey, never>;
  RegisterDatasetInput: RegisterDatasetInput;
  RegisterOrganizationInput: RegisterOrganizationInput;
  RegisterPermittedProvisionInput: RegisterPermittedProvisionInput;
  RegisterRecordInput: RegisterRecordInput;
  ReleaseNonDisclosureInput: ReleaseNonDisclosureInput;
  RetireIdentifierInput: RetireIdentifierInput;
  SignedTreeHead: SignedTreeHead;
  StoredEventRef: StoredEventRef;
  StreamEvent: StreamEvent;
  StreamEventConnection: StreamEventConnection;
  StreamEventEdge: StreamEventEdge;
  String: Scalars['String']['output'];
  Subject: Subject;
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
  nonDisclosure?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  staffCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export type CommandResultResolvers<ContextType = any, ParentType extends ResolversParentTypes['CommandResult'] = ResolversParentTypes['CommandResult']> = {
  applied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  commandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['StoredEventRef']>, ParentType, ContextType>;
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

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type InclusionProofResolvers<ContextType = any, ParentType extends ResolversParentTypes['InclusionProof'] = ResolversParentTypes['InclusionProof']> = {
  auditPath?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  document?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  head?: Resolver<ResolversTypes['SignedTreeHead'], ParentType, ContextType>;
  leaf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  leafHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  leafIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ItemUseResolvers<ContextType = any, ParentType extends ResolversParentTypes['ItemUse'] = ResolversParentTypes['ItemUse']> = {
  kind?: Resolver<ResolversTypes['AccessHistoryKind'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organization?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  publicKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sealedSize?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  accessInformation?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationAccessInformationArgs, 'commandId' | 'input'>>;
  amendRecord?: Resolver<ResolversTypes['CommandResult'], ParentType, ContextType, RequireFields<MutationAmendRecordArgs, 'commandId' | 'input'>>;
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
  registeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = any, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProjectionStatusResolvers<ContextType = any, ParentType extends ResolversParentTypes['ProjectionStatus'] = ResolversParentTypes['ProjectionStatus']> = {
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorPosition?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  eventsProcessed?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lagEvents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lagSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = any, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accessHistory?: Resolver<ResolversTypes['AccessHistoryConnection'], ParentType, ContextType, RequireFields<QueryAccessHistoryArgs, 'first' | 'subjectId'>>;
  consistencyProof?: Resolver<ResolversTypes['ConsistencyProof'], ParentType, ContextType, RequireFields<QueryConsistencyProofArgs, 'fromSize' | 'toSize'>>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<QueryDatasetArgs, 'id'>>;
  inclusionProof?: Resolver<ResolversTypes['InclusionProof'], ParentType, ContextType, RequireFields<QueryInclusionProofArgs, 'eventId'>>;
  journal?: Resolver<ResolversTypes['Journal'], ParentType, ContextType>;
  me?: Resolver<ResolversTypes['AccessHistoryConnection'], ParentType, ContextType, RequireFields<QueryMeArgs, 'first'>>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType, RequireFields<QueryOrganizationArgs, 'id'>>;
  projections?: Resolver<Array<ResolversTypes['ProjectionStatus']>, ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['StreamEventConnection'], ParentType, ContextType, RequireFields<QueryStreamArgs, 'first' | 'id'>>;
  subject?: Resolver<Maybe<ResolversTypes['Subject']>, ParentType, ContextType, RequireFields<QuerySubjectArgs, 'identifier'>>;
  whoAccessed?: Resolver<Array<ResolversTypes['ItemUse']>, ParentType, ContextType, RequireFields<QueryWhoAccessedArgs, 'item' | 'subjectId'>>;
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
  globalPosition?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
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

export type Resolvers<ContextType = any> = {
  AccessHistoryConnection?: AccessHistoryConnectionResolvers<ContextType>;
  AccessHistoryEdge?: AccessHistoryEdgeResolvers<ContextType>;
  AccessHistoryEntry?: AccessHistoryEntryResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  CommandResult?: CommandResultResolvers<ContextType>;
  ConsistencyProof?: ConsistencyProofResolvers<ContextType>;
  Dataset?: DatasetResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  InclusionProof?: InclusionProofResolvers<ContextType>;
  ItemUse?: ItemUseResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Journal?: JournalResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProjectionStatus?: ProjectionStatusResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SignedTreeHead?: SignedTreeHeadResolvers<ContextType>;
  StoredEventRef?: StoredEventRefResolvers<ContextType>;
  StreamEvent?: StreamEventResolvers<ContextType>;
  StreamEventConnection?: StreamEventConnectionResolvers<ContextType>;
  StreamEventEdge?: StreamEventEdgeResolvers<ContextType>;
  Subject?: SubjectResolvers<ContextType>;
};

