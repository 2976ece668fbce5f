import type { Basic4Field, Domain, IdentifierKind, ORGANIZATION_KINDS } from '#vocabulary';
import type { AddressStyle, MunicipalityKey } from './addresses.js';
import type { BirthDateFormat } from './birth-dates.js';
import type { NameStyle } from './names.js';

/**
 * The world the population lives in: organizations of real kinds (five municipalities, J-LIS, デジタル庁,
 * 日本年金機構, 税務署, health insurers, employers, private businesses), their datasets (特定個人情報ファイル and
 * customer files) with purposes, domains, legal bases, keys and basic-4 fields, the permitted provisions
 * (rows in the manner of 番号法別表第二), and the staff who use them. Public bodies are real; companies are fictional.
 */

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface OrganizationDef {
  organizationId: string;
  name: string;
  kind: OrganizationKind;
  domains: Domain[];
  /** Prefix of its staff codes (職員コード). */
  staffPrefix: string;
}

/** How a dataset writes basic-4 values; every record draws its own spelling from it. */
export interface RecordStyle {
  name: NameStyle;
  birthDate: readonly (readonly [BirthDateFormat, number])[];
  address: AddressStyle;
  /** Share of records whose sex is recorded as UNKNOWN (an optional field on a sign-up form). */
  unknownSex: number;
}

export interface DatasetDef {
  datasetId: string;
  holderId: string;
  name: string;
  purpose: string;
  domain: Domain;
  legalBasis: string | null;
  keyedBy: IdentifierKind[];
  basic4Fields: Basic4Field[];
  style: RecordStyle;
  /** The staff section that uses it, e.g. 'J' (市民課); staff codes are `${staffPrefix}-${section}${nnnn}`. */
  section: string;
  /** Size of that section's staff pool. */
  staff: number;
}

export interface PermittedProvisionDef {
  permittedProvisionId: string;
  requesterId: string;
  providerId: string;
  procedure: string;
  items: string[];
  legalBasis: string;
}

// ---------------------------------------------------------------- record styles

const FORMAL_KANJI: NameStyle['kanjiSeparators'] = [['　', 9], [' ', 1]];
const MIXED_KANJI: NameStyle['kanjiSeparators'] = [['　', 4], [' ', 4], ['', 2]];
const CASUAL_KANJI: NameStyle['kanjiSeparators'] = [[' ', 5], ['', 3], ['　', 2]];
const FORMAL_KANA: NameStyle['kanaSeparators'] = [['　', 9], [' ', 1]];
const MIXED_KANA: NameStyle['kanaSeparators'] = [['　', 3], [' ', 5], ['', 2]];

const REGISTER_ADDRESS: AddressStyle = {
  prefecture: 1, county: 1, smallKe: 0.05, chome: [['KANJI', 9], ['ARABIC', 1]], block: [['JUKYO', 1]],
  building: 0.97, fullWidthDigits: 0.1, spaces: 0,
};

export const STYLES = {
  /** 住民基本台帳: the family register's spelling, 和暦, the full official address. */
  residentRegister: {
    name: { official: 1, kanjiSeparators: FORMAL_KANJI, kanaSeparators: FORMAL_KANA, kanaScripts: [['KATAKANA', 1]] },
    birthDate: [['ERA_KANJI', 8], ['KANJI', 2]],
    address: REGISTER_ADDRESS,
    unknownSex: 0,
  },
  /** 住基ネット's 本人確認情報: the register's values, ISO dates. */
  nationalServer: {
    name: { official: 0.97, kanjiSeparators: FORMAL_KANJI, kanaSeparators: FORMAL_KANA, kanaScripts: [['KATAKANA', 1]] },
    birthDate: [['ISO', 1]],
    address: REGISTER_ADDRESS,
    unknownSex: 0,
  },
  municipalTax: {
    name: { official: 0.85, kanjiSeparators: MIXED_KANJI, kanaSeparators: MIXED_KANA, kanaScripts: [['KATAKANA', 8], ['HALF_WIDTH', 2]] },
    birthDate: [['ERA_LETTER', 5], ['ERA_KANJI', 3], ['ISO', 2]],
    address: { prefecture: 0.5, county: 0.8, smallKe: 0.2, chome: [['KANJI', 5], ['ARABIC', 5]], block: [['JUKYO', 8], ['HYPHEN', 2]], building: 0.8, fullWidthDigits: 0.2, spaces: 0.05 },
    unknownSex: 0,
  },
  municipalWelfare: {
    name: { official: 0.9, kanjiSeparators: FORMAL_KANJI, kanaSeparators: MIXED_KANA, kanaScripts: [['KATAKANA', 7], ['HIRAGANA', 3]] },
    birthDate: [['ERA_KANJI', 6], ['ERA_ABBREVIATED', 4]],
    address: { prefecture: 0.6, county: 0.9, smallKe: 0.15, chome: [['KANJI', 6], ['ARABIC', 4]], block: [['JUKYO', 9], ['HYPHEN', 1]], building: 0.9, fullWidthDigits: 0.3, spaces: 0.05 },
    unknownSex: 0,
  },
  /** 日本年金機構: a mainframe heritage — half-width kana, old forms often lost. */
  pension: {
    name: { official: 0.4, kanjiSeparators: MIXED_KANJI, kanaSeparators: MIXED_KANA, kanaScripts: [['HALF_WIDTH', 6], ['KATAKANA', 4]] },
    birthDate: [['ERA_LETTER_PADDED', 5], ['ERA_ABBREVIATED', 3], ['ISO', 2]],
    address: { prefecture: 0.85, county: 0.7, smallKe: 0.2, chome: [['ARABIC', 6], ['KANJI', 2], ['FULL_WIDTH', 2]], block: [['JUKYO', 6], ['HYPHEN', 4]], building: 0.6, fullWidthDigits: 0.3, spaces: 0.1 },
    unknownSex: 0,
  },
  taxOffice: {
    name: { official: 0.6, kanjiSeparators: MIXED_KANJI, kanaSeparators: MIXED_KANA, kanaScripts: [['KATAKANA', 8], ['HIRAGANA', 2]] },
    birthDate: [['ERA_KANJI', 6], ['KANJI', 2], ['FULL_WIDTH_KANJI', 2]],
    address: { prefecture: 0.7, county: 0.8, smallKe: 0.3, chome: [['ARABIC', 5], ['FULL_WIDTH', 3], ['KANJI', 2]], block: [['HYPHEN', 5], ['JUKYO', 5]], building: 0.7, fullWidthDigits: 0.3, spaces: 0.1 },
    unknownSex: 0,
  },
  healthInsurer: {
    name: { official: 0.45, kanjiSeparators: MIXED_KANJI, kanaSeparators: MIXED_KANA, kanaScripts: [['HALF_WIDTH', 5], ['KATAKANA', 5]] },
    birthDate: [['COMPACT', 4], ['SLASH', 3], ['ERA_LETTER', 3]],
    address: { prefecture: 0.6, county: 0.6, smallKe: 0.3, chome: [['ARABIC', 7], ['KANJI', 3]], block: [['HYPHEN', 6], ['JUKYO', 4]], building: 0.5, fullWidthDigits: 0.2, spaces: 0.1 },
    unknownSex: 0,
  },
  employer: {
    name: { official: 0.5, kanjiSeparators: CASUAL_KANJI, kanaSeparators: MIXED_KANA, kanaScripts: [['HIRAGANA', 5], ['KATAKANA', 5]] },
    birthDate: [['SLASH', 5], ['SLASH_SHORT', 3], ['KANJI', 2]],
    address: { prefecture: 0.4, county: 0.5, smallKe: 0.4, chome: [['ARABIC', 6], ['FULL_WIDTH', 2], ['ALL_HYPHEN', 2]], block: [['HYPHEN', 7], ['JUKYO', 3]], building: 0.6, fullWidthDigits: 0.15, spaces: 0.15 },
    unknownSex: 0,
  },
  /** Points cards and shop memberships: kana only, a sign-up form's free text. */
  retail: {
    name: { official: 0.1, kanjiSeparators: CASUAL_KANJI, kanaSeparators: [['', 5], [' ', 3], ['　', 2]], kanaScripts: [['KATAKANA', 5], ['HIRAGANA', 3], ['HALF_WIDTH', 2]] },
    birthDate: [['SLASH', 6], ['ISO', 2], ['COMPACT', 2]],
    address: { prefecture: 0.3, county: 0.3, smallKe: 0.5, chome: [['ALL_HYPHEN', 5], ['ARABIC', 5]], block: [['HYPHEN', 8], ['JUKYO', 2]], building: 0.3, fullWidthDigits: 0.25, spaces: 0.2 },
    unknownSex: 0.06,
  },
  /** A carrier's contract file: identity checked against a card (携帯電話不正利用防止法). */
  carrier: {
    name: { official: 0.3, kanjiSeparators: CASUAL_KANJI, kanaSeparators: MIXED_KANA, kanaScripts: [['KATAKANA', 7], ['HALF_WIDTH', 3]] },
    birthDate: [['SLASH', 5], ['ISO', 3], ['KANJI', 2]],
    address: { prefecture: 0.8, county: 0.6, smallKe: 0.4, chome: [['ARABIC', 6], ['ALL_HYPHEN', 4]], block: [['HYPHEN', 7], ['JUKYO', 3]], building: 0.7, fullWidthDigits: 0.1, spaces: 0.1 },
    unknownSex: 0,
  },
} satisfies Record<string, RecordStyle>;

// ---------------------------------------------------------------- organizations

export interface MunicipalityOrg extends OrganizationDef {
  municipality: MunicipalityKey;
  taxOfficeId: string;
}

const MUNICIPALITY_ORGS: MunicipalityOrg[] = [
  { organizationId: 'city.yokohama', name: '横浜市', municipality: 'yokohama', staffPrefix: 'YKH', taxOfficeId: 'nta.yokohama-naka' },
  { organizationId: 'city.osaka', name: '大阪市', municipality: 'osaka', staffPrefix: 'OSK', taxOfficeId: 'nta.osaka-higashi' },
  { organizationId: 'city.sapporo', name: '札幌市', municipality: 'sapporo', staffPrefix: 'SPR', taxOfficeId: 'nta.sapporo-naka' },
  { organizationId: 'ward.chiyoda', name: '千代田区', municipality: 'chiyoda', staffPrefix: 'CYD', taxOfficeId: 'nta.kojimachi' },
  { organizationId: 'town.karuizawa', name: '軽井沢町', municipality: 'karuizawa', staffPrefix: 'KRZ', taxOfficeId: 'nta.saku' },
].map((m) => ({ ...m, municipality: m.municipality as MunicipalityKey, kind: 'MUNICIPALITY' as const, domains: ['TAX', 'SOCIAL_SECURITY', 'DISASTER'] as Domain[] }));

export const MUNICIPALITY_ORG: Readonly<Record<MunicipalityKey, MunicipalityOrg>> = Object.fromEntries(
  MUNICIPALITY_ORGS.map((m) => [m.municipality, m]),
) as Record<MunicipalityKey, MunicipalityOrg>;

const TAX_OFFICES: OrganizationDef[] = [
  { organizationId: 'nta.yokohama-naka', name: '横浜中税務署', kind: 'TAX', domains: ['TAX'], staffPrefix: 'TYN' },
  { organizationId: 'nta.osaka-higashi', name: '東税務署', kind: 'TAX', domains: ['TAX'], staffPrefix: 'TOH' },
  { organizationId: 'nta.sapporo-naka', name: '札幌中税務署', kind: 'TAX', domains: ['TAX'], staffPrefix: 'TSN' },
  { organizationId: 'nta.kojimachi', name: '麹町税務署', kind: 'TAX', domains: ['TAX'], staffPrefix: 'TKJ' },
  { organizationId: 'nta.saku', name: '佐久税務署', kind: 'TAX', domains: ['TAX'], staffPrefix: 'TSK' },
];

export const JLIS: OrganizationDef = { organizationId: 'jlis', name: '地方公共団体情報システム機構', kind: 'MINISTRY', domains: ['SOCIAL_SECURITY', 'TAX', 'DISASTER'], staffPrefix: 'JLS' };
export const DIGITAL_AGENCY: OrganizationDef = { organizationId: 'digital-agency', name: 'デジタル庁', kind: 'MINISTRY', domains: ['SOCIAL_SECURITY', 'TAX', 'DISASTER'], staffPrefix: 'DGA' };
export const PENSION: OrganizationDef = { organizationId: 'jps', name: '日本年金機構', kind: 'PENSION', domains: ['SOCIAL_SECURITY'], staffPrefix: 'JPS' };

export type InsurerKey = 'kyokai' | 'minato' | 'marunouchi';
export interface InsurerOrg extends OrganizationDef {
  key: InsurerKey;
  /** The 記号 printed before the 番号 on its cards. */
  symbol: string;
}
export const INSURERS: Readonly<Record<InsurerKey, InsurerOrg>> = {
  kyokai: { key: 'kyokai', organizationId: 'kyokai-kenpo', name: '全国健康保険協会', kind: 'HEALTH_INSURER', domains: ['SOCIAL_SECURITY'], staffPrefix: 'KKP', symbol: '01140017' },
  minato: { key: 'minato', organizationId: 'kenpo.minato-seiko', name: 'みなと精工健康保険組合', kind: 'HEALTH_INSURER', domains: ['SOCIAL_SECURITY'], staffPrefix: 'MSK', symbol: '06141283' },
  marunouchi: { key: 'marunouchi', organizationId: 'kenpo.marunouchi', name: '丸の内総合サービス健康保険組合', kind: 'HEALTH_INSURER', domains: ['SOCIAL_SECURITY'], staffPrefix: 'MRK', symbol: '06133071' },
};

export type EmployerKey = 'minato' | 'naniwa' | 'hokuto' | 'marunouchi' | 'kogen';
export interface EmployerOrg extends OrganizationDef {
  key: EmployerKey;
  insurer: InsurerKey;
  taxOfficeId: string;
}
export const EMPLOYERS: Readonly<Record<EmployerKey, EmployerOrg>> = {
  minato: { key: 'minato', organizationId: 'emp.minato-seiko', name: '株式会社みなと精工', kind: 'EMPLOYER', domains: ['TAX', 'SOCIAL_SECURITY'], staffPrefix: 'MNS', insurer: 'minato', taxOfficeId: 'nta.yokohama-naka' },
  naniwa: { key: 'naniwa', organizationId: 'emp.naniwa-foods', name: 'なにわフーズ株式会社', kind: 'EMPLOYER', domains: ['TAX', 'SOCIAL_SECURITY'], staffPrefix: 'NWF', insurer: 'kyokai', taxOfficeId: 'nta.osaka-higashi' },
  hokuto: { key: 'hokuto', organizationId: 'emp.hokuto-logi', name: '北斗ロジスティクス株式会社', kind: 'EMPLOYER', domains: ['TAX', 'SOCIAL_SECURITY'], staffPrefix: 'HKL', insurer: 'kyokai', taxOfficeId: 'nta.sapporo-naka' },
  marunouchi: { key: 'marunouchi', organizationId: 'emp.marunouchi', name: '丸の内総合サービス株式会社', kind: 'EMPLOYER', domains: ['TAX', 'SOCIAL_SECURITY'], staffPrefix: 'MRS', insurer: 'marunouchi', taxOfficeId: 'nta.kojimachi' },
  kogen: { key: 'kogen', organizationId: 'emp.kogen-resort', name: '高原リゾート株式会社', kind: 'EMPLOYER', domains: ['TAX', 'SOCIAL_SECURITY'], staffPrefix: 'KGR', insurer: 'kyokai', taxOfficeId: 'nta.saku' },
};

/** The local employer of each municipality (丸の内総合サービス employs nationwide). */
export const LOCAL_EMPLOYER: Readonly<Record<MunicipalityKey, EmployerKey>> = {
  yokohama: 'minato',
  osaka: 'naniwa',
  sapporo: 'hokuto',
  chiyoda: 'marunouchi',
  karuizawa: 'kogen',
};

export type BusinessKey = 'pointlink' | 'smiledrug' | 'soramobile' | 'cinemakan';
export interface BusinessOrg extends OrganizationDef {
  key: BusinessKey;
  memberPrefix: string;
  memberDigits: number;
}
export const BUSINESSES: Readonly<Record<BusinessKey, BusinessOrg>> = {
  pointlink: { key: 'pointlink', organizationId: 'biz.pointlink', name: '株式会社ポイントリンク', kind: 'PRIVATE_BUSINESS', domains: ['PRIVATE'], staffPrefix: 'PLK', memberPrefix: '6301', memberDigits: 12 },
  smiledrug: { key: 'smiledrug', organizationId: 'biz.smiledrug', name: 'スマイルドラッグ株式会社', kind: 'PRIVATE_BUSINESS', domains: ['PRIVATE'], staffPrefix: 'SDG', memberPrefix: 'SD', memberDigits: 10 },
  soramobile: { key: 'soramobile', organizationId: 'biz.soramobile', name: 'ソラモバイル株式会社', kind: 'PRIVATE_BUSINESS', domains: ['PRIVATE'], staffPrefix: 'SRM', memberPrefix: 'SM', memberDigits: 9 },
  cinemakan: { key: 'cinemakan', organizationId: 'biz.cinemakan', name: '有限会社レンタルシネマ館', kind: 'PRIVATE_BUSINESS', domains: ['PRIVATE'], staffPrefix: 'CNK', memberPrefix: 'CN', memberDigits: 8 },
};

export const ORGANIZATIONS: readonly OrganizationDef[] = [
  DIGITAL_AGENCY,
  JLIS,
  ...MUNICIPALITY_ORGS,
  PENSION,
  ...TAX_OFFICES,
  ...Object.values(INSURERS),
  ...Object.values(EMPLOYERS),
  ...Object.values(BUSINESSES),
];

export const ORGANIZATION_BY_ID: ReadonlyMap<string, OrganizationDef> = new Map(ORGANIZATIONS.map((o) => [o.organizationId, o]));

// ---------------------------------------------------------------- datasets

const MY_NUMBER_ACT = '番号法第9条第1項及び別表第一';
const ALL_BASIC4: Basic4Field[] = ['NAME_KANJI', 'NAME_KANA', 'ADDRESS', 'SEX', 'BIRTH_DATE'];

export interface MunicipalDatasets {
  juki: DatasetDef;
  juminzei: DatasetDef;
  kokuho: DatasetDef;
  hinan: DatasetDef;
}

function municipalDatasets(m: MunicipalityOrg): MunicipalDatasets {
  const big = m.municipality !== 'chiyoda' && m.municipality !== 'karuizawa';
  const id = (suffix: string) => `${m.organizationId}.${suffix}`;
  return {
    juki: {
      datasetId: id('juki'), holderId: m.organizationId, name: `${m.name} 住民基本台帳`,
      purpose: '住民の居住関係の公証、選挙人名簿の登録その他の住民に関する事務の処理の基礎とするための住民に関する記録の管理',
      domain: 'SOCIAL_SECURITY', legalBasis: '住民基本台帳法第5条、第6条及び第7条',
      keyedBy: ['RESIDENT_CODE', 'MY_NUMBER', 'INTERNAL_ID'], basic4Fields: ALL_BASIC4, style: STYLES.residentRegister,
      section: 'J', staff: big ? 40 : 8,
    },
    juminzei: {
      datasetId: id('juminzei'), holderId: m.organizationId, name: `${m.name} 個人住民税課税台帳`,
      purpose: '個人住民税の賦課徴収に関する事務', domain: 'TAX', legalBasis: `地方税法第294条及び第317条の2、${MY_NUMBER_ACT}`,
      keyedBy: ['MY_NUMBER', 'INTERNAL_ID'], basic4Fields: ['NAME_KANJI', 'NAME_KANA', 'ADDRESS', 'BIRTH_DATE'], style: STYLES.municipalTax,
      section: 'Z', staff: big ? 20 : 5,
    },
    kokuho: {
      datasetId: id('kokuho'), holderId: m.organizationId, name: `${m.name} 国民健康保険・後期高齢者医療 被保険者台帳`,
      purpose: '国民健康保険及び後期高齢者医療の資格管理、保険料の賦課徴収及び保険給付に関する事務', domain: 'SOCIAL_SECURITY',
      legalBasis: `国民健康保険法第5条及び第9条、高齢者の医療の確保に関する法律第50条、${MY_NUMBER_ACT}`,
      keyedBy: ['INTERNAL_ID', 'MY_NUMBER'], basic4Fields: ALL_BASIC4, style: STYLES.municipalWelfare,
      section: 'K', staff: big ? 15 : 4,
    },
    hinan: {
      datasetId: id('hinan'), holderId: m.organizationId, name: `${m.name} 避難行動要支援者名簿`,
      purpose: '災害発生時における避難行動要支援者の避難の支援、安否の確認その他の生命又は身体を災害から保護するための措置',
      domain: 'DISASTER', legalBasis: '災害対策基本法第49条の10及び第49条の11',
      // 災害対策基本法第49条の10第2項: 氏名, 生年月日, 性別, 住所 (no reading of the name).
      keyedBy: ['INTERNAL_ID'], basic4Fields: ['NAME_KANJI', 'ADDRESS', 'SEX', 'BIRTH_DATE'], style: STYLES.municipalWelfare,
      section: 'F', staff: big ? 8 : 3,
    },
  };
}

export const MUNICIPAL_DATASETS: Readonly<Record<MunicipalityKey, MunicipalDatasets>> = Object.fromEntries(
  MUNICIPALITY_ORGS.map((m) => [m.municipality, municipalDatasets(m)]),
) as Record<MunicipalityKey, MunicipalDatasets>;

/** 機構保存本人確認情報: 住基ネット's national copy of every resident's 本人確認情報 (no reading of the name). */
export const JLIS_DATASET: DatasetDef = {
  datasetId: 'jlis.honnin', holderId: JLIS.organizationId, name: '機構保存本人確認情報ファイル',
  purpose: '住民基本台帳ネットワークシステムによる本人確認情報の提供及び個人番号の生成', domain: 'SOCIAL_SECURITY',
  legalBasis: '住民基本台帳法第30条の9及び第30条の10、番号法第8条',
  keyedBy: ['RESIDENT_CODE', 'MY_NUMBER'], basic4Fields: ['NAME_KANJI', 'ADDRESS', 'SEX', 'BIRTH_DATE'], style: STYLES.nationalServer,
  // Used by municipal 市民課 staff through 住基ネット terminals; J-LIS's own pool is small.
  section: 'R', staff: 6,
};

export const PENSION_DATASET: DatasetDef = {
  datasetId: 'jps.kiroku', holderId: PENSION.organizationId, name: '年金記録（被保険者記録・受給権者記録）',
  purpose: '国民年金及び厚生年金保険の被保険者記録の管理並びに年金給付の支給に関する事務', domain: 'SOCIAL_SECURITY',
  legalBasis: `国民年金法第14条、厚生年金保険法第28条、${MY_NUMBER_ACT}`,
  keyedBy: ['PENSION_NUMBER', 'MY_NUMBER'], basic4Fields: ALL_BASIC4, style: STYLES.pension,
  section: 'N', staff: 60,
};

export const TAX_OFFICE_DATASETS: ReadonlyMap<string, DatasetDef> = new Map(
  TAX_OFFICES.map((t): [string, DatasetDef] => [
    t.organizationId,
    {
      datasetId: `${t.organizationId}.shotoku`, holderId: t.organizationId, name: `${t.name} 所得税申告・納税者情報`,
      purpose: '所得税の申告、納付及び還付に関する事務', domain: 'TAX' as Domain,
      legalBasis: `所得税法第120条、国税通則法第124条、${MY_NUMBER_ACT}`,
      keyedBy: ['MY_NUMBER'] as IdentifierKind[], basic4Fields: ['NAME_KANJI', 'NAME_KANA', 'ADDRESS', 'BIRTH_DATE'] as Basic4Field[], style: STYLES.taxOffice,
      section: 'S', staff: 12,
    },
  ]),
);

export const INSURER_DATASETS: Readonly<Record<InsurerKey, DatasetDef>> = Object.fromEntries(
  Object.values(INSURERS).map((h): [InsurerKey, DatasetDef] => [
    h.key,
    {
      datasetId: `${h.organizationId}.hihokensha`, holderId: h.organizationId, name: `${h.name} 被保険者台帳`,
      purpose: '健康保険の資格管理、保険料の徴収及び保険給付に関する事務', domain: 'SOCIAL_SECURITY' ,
      legalBasis: `健康保険法第3条及び第52条、${MY_NUMBER_ACT}`,
      // 資格取得届 that give the My Number leave the address out (it is taken from 住基ネット when needed).
      keyedBy: ['HEALTH_INSURANCE_NUMBER', 'MY_NUMBER'] as IdentifierKind[], basic4Fields: ['NAME_KANJI', 'NAME_KANA', 'SEX', 'BIRTH_DATE'] as Basic4Field[], style: STYLES.healthInsurer,
      section: 'H', staff: h.key === 'kyokai' ? 30 : 6,
    },
  ]),
) as Record<InsurerKey, DatasetDef>;

export const EMPLOYER_DATASETS: Readonly<Record<EmployerKey, DatasetDef>> = Object.fromEntries(
  Object.values(EMPLOYERS).map((e): [EmployerKey, DatasetDef] => [
    e.key,
    {
      datasetId: `${e.organizationId}.gensen`, holderId: e.organizationId, name: `${e.name} 源泉徴収・年末調整ファイル`,
      purpose: '給与所得の源泉徴収票及び給与支払報告書の作成に関する事務（個人番号関係事務）', domain: 'TAX' as Domain,
      legalBasis: '番号法第9条第4項、所得税法第194条及び第226条、地方税法第317条の6',
      keyedBy: ['MY_NUMBER'] as IdentifierKind[], basic4Fields: ['NAME_KANJI', 'NAME_KANA', 'ADDRESS', 'BIRTH_DATE'] as Basic4Field[], style: STYLES.employer,
      section: 'HR', staff: e.key === 'marunouchi' ? 8 : 4,
    },
  ]),
) as Record<EmployerKey, DatasetDef>;

export const BUSINESS_DATASETS: Readonly<Record<BusinessKey, DatasetDef>> = {
  pointlink: {
    datasetId: 'biz.pointlink.members', holderId: BUSINESSES.pointlink.organizationId, name: '共通ポイント会員情報',
    purpose: '会員の管理、ポイントの付与及び利用並びに商品及びサービスの案内', domain: 'PRIVATE',
    legalBasis: '個人情報保護法第17条及び第18条（利用目的の特定及び利用目的による制限）',
    keyedBy: ['MEMBER_NUMBER'], basic4Fields: ['NAME_KANA', 'BIRTH_DATE', 'SEX', 'ADDRESS'], style: STYLES.retail,
    section: 'CS', staff: 20,
  },
  smiledrug: {
    datasetId: 'biz.smiledrug.members', holderId: BUSINESSES.smiledrug.organizationId, name: 'スマイルドラッグ会員情報',
    purpose: '会員の管理、購買履歴に基づく商品の案内及び調剤の予約受付', domain: 'PRIVATE', legalBasis: null,
    keyedBy: ['MEMBER_NUMBER'], basic4Fields: ['NAME_KANA', 'BIRTH_DATE', 'SEX'], style: STYLES.retail,
    section: 'CS', staff: 10,
  },
  soramobile: {
    datasetId: 'biz.soramobile.subscribers', holderId: BUSINESSES.soramobile.organizationId, name: '携帯電話契約者情報',
    purpose: '携帯電話の契約管理、料金の請求及び契約者の本人確認', domain: 'PRIVATE',
    legalBasis: '携帯電話不正利用防止法第3条、個人情報保護法第17条',
    keyedBy: ['MEMBER_NUMBER', 'JPKI_AUTH_SERIAL'], basic4Fields: ALL_BASIC4, style: STYLES.carrier,
    section: 'CS', staff: 20,
  },
  /** PLANTED: a rental shop that files its members' My Numbers (番号法 forbids it: PRIVATE_DATASET_KEYED_BY_MY_NUMBER). */
  cinemakan: {
    datasetId: 'biz.cinemakan.members', holderId: BUSINESSES.cinemakan.organizationId, name: 'レンタル会員台帳（本人確認書類の写しを含む）',
    purpose: '会員の管理及び延滞料金の督促', domain: 'PRIVATE', legalBasis: null,
    keyedBy: ['MEMBER_NUMBER', 'MY_NUMBER'], basic4Fields: ['NAME_KANJI', 'NAME_KANA', 'BIRTH_DATE', 'ADDRESS'], style: STYLES.retail,
    section: 'ST', staff: 3,
  },
};

export const DATASETS: readonly DatasetDef[] = [
  JLIS_DATASET,
  ...Object.values(MUNICIPAL_DATASETS).flatMap((d) => [d.juki, d.juminzei, d.kokuho, d.hinan]),
  PENSION_DATASET,
  ...TAX_OFFICE_DATASETS.values(),
  ...Object.values(INSURER_DATASETS),
  ...Object.values(EMPLOYER_DATASETS),
  ...Object.values(BUSINESS_DATASETS),
];

// ---------------------------------------------------------------- permitted provisions (別表第二 rows)

const TABLE_2 = '番号法第19条第8号及び別表第二';

export const PROCEDURES = {
  shien: { procedure: '年金生活者支援給付金の支給に関する法律による年金生活者支援給付金の支給に関する事務', items: ['LOCAL_TAX_INCOME', 'LOCAL_TAX_EXEMPTION'], legalBasis: `${TABLE_2}、年金生活者支援給付金の支給に関する法律` },
  menjo: { procedure: '国民年金法による保険料の免除に関する事務', items: ['LOCAL_TAX_INCOME'], legalBasis: `${TABLE_2}、国民年金法第90条` },
  kogaku: { procedure: '健康保険法による高額療養費の支給に関する事務', items: ['LOCAL_TAX_INCOME', 'LOCAL_TAX_EXEMPTION'], legalBasis: `${TABLE_2}、健康保険法第115条` },
  fuyo: { procedure: '健康保険法による被扶養者の認定に関する事務', items: ['PENSION_BENEFIT_AMOUNT'], legalBasis: `${TABLE_2}、健康保険法第3条第7項` },
  kaigo: { procedure: '介護保険法による保険料の徴収に関する事務', items: ['PENSION_BENEFIT_AMOUNT'], legalBasis: `${TABLE_2}、介護保険法第131条` },
  shikaku: { procedure: '国民健康保険法による被保険者の資格の確認に関する事務', items: ['HEALTH_INSURANCE_ELIGIBILITY'], legalBasis: `${TABLE_2}、国民健康保険法第6条` },
  kyuyo: { procedure: '地方税法による給与支払報告書の提出（個人番号関係事務）', items: ['SALARY_PAYMENT_REPORT'], legalBasis: '番号法第19条第2号、地方税法第317条の6' },
  gensen: { procedure: '所得税法による給与所得の源泉徴収票の提出（個人番号関係事務）', items: ['WITHHOLDING_SLIP'], legalBasis: '番号法第19条第2号、所得税法第226条第1項' },
  taino: { procedure: '国税徴収法による滞納処分のための財産調査', items: ['LOCAL_TAX_INCOME'], legalBasis: '番号法第19条第15号、国税徴収法第141条及び第146条の2' },
} as const;
export type ProcedureKey = keyof typeof PROCEDURES;

export const permittedProvisionId = (procedure: ProcedureKey, requesterId: string, providerId: string) => `pp.${procedure}.${requesterId}.${providerId}`;

export const PERMITTED_PROVISIONS: readonly PermittedProvisionDef[] = (() => {
  const rows: PermittedProvisionDef[] = [];
  const row = (key: ProcedureKey, requesterId: string, providerId: string) => {
    const p = PROCEDURES[key];
    rows.push({ permittedProvisionId: permittedProvisionId(key, requesterId, providerId), requesterId, providerId, procedure: p.procedure, items: [...p.items], legalBasis: p.legalBasis });
  };
  for (const m of MUNICIPALITY_ORGS) row('shien', PENSION.organizationId, m.organizationId);
  for (const m of MUNICIPALITY_ORGS) row('menjo', PENSION.organizationId, m.organizationId);
  for (const h of Object.values(INSURERS)) for (const m of MUNICIPALITY_ORGS) row('kogaku', h.organizationId, m.organizationId);
  for (const h of Object.values(INSURERS)) row('fuyo', h.organizationId, PENSION.organizationId);
  for (const m of MUNICIPALITY_ORGS) row('kaigo', m.organizationId, PENSION.organizationId);
  for (const m of MUNICIPALITY_ORGS) for (const h of Object.values(INSURERS)) row('shikaku', m.organizationId, h.organizationId);
  for (const m of MUNICIPALITY_ORGS) for (const e of Object.values(EMPLOYERS)) row('kyuyo', m.organizationId, e.organizationId);
  for (const e of Object.values(EMPLOYERS)) row('gensen', e.taxOfficeId, e.organizationId);
  for (const m of MUNICIPALITY_ORGS) row('taino', m.taxOfficeId, m.organizationId);
  return rows;
})();

// ---------------------------------------------------------------- staff

/** Staff pools by dataset: global offsets into the per-day usage counters. */
export interface StaffPool {
  organizationId: string;
  prefix: string;
  size: number;
  offset: number;
}

export const STAFF_POOLS: ReadonlyMap<string, StaffPool> = (() => {
  const pools = new Map<string, StaffPool>();
  let offset = 0;
  for (const d of DATASETS) {
    const holder = ORGANIZATION_BY_ID.get(d.holderId)!;
    pools.set(d.datasetId, { organizationId: holder.organizationId, prefix: `${holder.staffPrefix}-${d.section}`, size: d.staff, offset });
    offset += d.staff;
  }
  return pools;
})();

export const TOTAL_STAFF = [...STAFF_POOLS.values()].reduce((sum, p) => sum + p.size, 0);

/** A pool member's code: YKH-J0007. Legitimate codes run 0001–0999; 9000 and up are reserved for planted violations. */
export const staffCodeOf = (prefix: string, number: number) => `${prefix}${String(number).padStart(4, '0')}`;

