import type { Basic4Field, Domain } from '#vocabulary';
import { japanDay, japanTime } from '#normalization';
import { levelNumber, type ExposureLevel } from './quasi-identifier.js';

/** A reason in words, for the citizen it concerns (PRODUCT §6: every number comes with its reason). */
export interface Explanation {
  /** What the sentence is about: LINKAGE, TIE, OVERDUE_TIE, MY_NUMBER_TIE, IDENTIFIER_LIFETIME, CLASS_SIZE, MATCHABILITY, MATCH_PROBABILITY. */
  topic: string;
  ja: string;
  en: string;
}

const FIELD_WORDS: Readonly<Record<Basic4Field, [ja: string, en: string]>> = {
  NAME_KANJI: ['氏名（漢字）', 'name in kanji'],
  NAME_KANA: ['氏名（カナ）', 'name in kana'],
  BIRTH_DATE: ['生年月日', 'date of birth'],
  SEX: ['性別', 'sex'],
  ADDRESS: ['住所', 'address'],
};

/** How much work a matcher needs at each level, in words. */
const LEVEL_WORDS: Readonly<Record<ExposureLevel, [ja: string, en: string]>> = {
  RAW: ['表記のまま比べるだけで', 'by comparing the values exactly as written'],
  NFKC: ['文字幅と空白をそろえるだけで', 'once character widths and spaces are normalized'],
  KANA: ['ひらがな・カタカナの違いをそろえると', 'once hiragana, katakana and their widths are folded'],
  VARIANT: ['異体字（髙→高 など）をそろえると', 'once kanji variants (髙→高 and the like) are folded'],
  MONTH_MUNICIPALITY: ['生年月と市区町村だけでも', 'even with only the birth month and the municipality'],
  YEAR_PREFECTURE: ['生年と都道府県だけでも', 'even with only the birth year and the prefecture'],
};

const IDENTIFIER_WORDS: Readonly<Record<string, [ja: string, en: string]>> = {
  MY_NUMBER: ['マイナンバー（個人番号）', 'My Number'],
  RESIDENT_CODE: ['住民票コード', 'resident code'],
  AGENCY_CODE: ['機関別符号', 'agency-specific code'],
  JPKI_SIGN_SERIAL: ['署名用電子証明書のシリアル番号', 'JPKI signature certificate serial'],
  JPKI_AUTH_SERIAL: ['利用者証明用電子証明書のシリアル番号', 'JPKI user-authentication certificate serial'],
  PENSION_NUMBER: ['基礎年金番号', 'basic pension number'],
  HEALTH_INSURANCE_NUMBER: ['被保険者番号', 'health-insurance number'],
  MEMBER_NUMBER: ['会員番号', 'member number'],
  INTERNAL_ID: ['団体内統合宛名番号', 'municipal internal id'],
  BASIC4: ['基本4情報の照合（名寄せ）', 'matching of name, birth date, sex and address'],
};

/** The My Number Act's three domains (社会保障・税・災害対策), and the private sector's own records. */
const DOMAIN_WORDS: Readonly<Record<Domain, [ja: string, en: string]>> = {
  TAX: ['税', 'tax'],
  SOCIAL_SECURITY: ['社会保障', 'social security'],
  DISASTER: ['災害対策', 'disaster relief'],
  PRIVATE: ['民間', 'private sector'],
};

const fieldList = (fields: readonly Basic4Field[], lang: 0 | 1) => fields.map((f) => FIELD_WORDS[f][lang]).join(lang === 0 ? '・' : ', ');
const percent = (p: number) => `${(Math.floor(p * 1000) / 10).toFixed(1)}%`;
/** An identifier of a kind this vocabulary does not know, or whose kind was never issued: named generically, never by a code. */
const SOME_IDENTIFIER: [ja: string, en: string] = ['番号', 'identifier'];
/** A tie's key: an identifier's kind, or none for a tie made by matching the basic four. */
const identifierWords = (kind: string | null): [ja: string, en: string] => IDENTIFIER_WORDS[kind ?? 'BASIC4'] ?? SOME_IDENTIFIER;
const domainWords = (domains: readonly string[], lang: 0 | 1) => domains.map((d) => DOMAIN_WORDS[d as Domain]?.[lang] ?? d);
/** Datasets named in a sentence: 「A」と「B」, 「A」・「B」・「C」; "A" and "B", "A", "B" and "C". */
function datasetList(datasets: readonly string[], lang: 0 | 1): string {
  if (lang === 0) return datasets.map((d) => `「${d}」`).join(datasets.length === 2 ? 'と' : '・');
  const quoted = datasets.map((d) => `"${d}"`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

export interface TieFacts {
  datasetA: string;
  datasetB: string;
  keyKind: string | null;
  organization: string;
  purpose: string;
  linkedAt: Date;
  expectedCutOffAt: Date | null;
}

export function liveTieExplanation(t: TieFacts, overdue: boolean): Explanation {
  const [keyJa, keyEn] = identifierWords(t.keyKind);
  const since = [japanTime(t.linkedAt, 'ja'), japanTime(t.linkedAt, 'en')] as const;
  const cutOff = t.expectedCutOffAt ? ([japanTime(t.expectedCutOffAt, 'ja'), japanTime(t.expectedCutOffAt, 'en')] as const) : null;
  return {
    topic: overdue ? 'OVERDUE_TIE' : 'TIE',
    ja:
      `「${t.datasetA}」のあなたの記録と「${t.datasetB}」のあなたの記録は、${since[0]}から${keyJa}で紐付けられています（${t.organization}、目的：${t.purpose}）。` +
      (overdue ? `解除予定の${cutOff?.[0]}を過ぎても、紐付けは解除されていません。` : cutOff ? `解除予定は${cutOff[0]}です。` : '解除の予定はありません。'),
    en:
      `Your record in "${t.datasetA}" and your record in "${t.datasetB}" have been tied through the ${keyEn} since ${since[1]} (${t.organization}, purpose: ${t.purpose}).` +
      (overdue ? ` The tie was due to be cut by ${cutOff?.[1]} and has not been cut.` : cutOff ? ` It is due to be cut by ${cutOff[1]}.` : ' No cut-off is planned.'),
  };
}

export function myNumberTieExplanation(t: TieFacts): Explanation {
  return {
    topic: 'MY_NUMBER_TIE',
    ja: `${japanTime(t.linkedAt, 'ja')}、${t.organization}は「${t.datasetA}」と「${t.datasetB}」（別々の機関の記録）を、機関別符号ではなくマイナンバーそのもので紐付けました。一か所から漏れると芋づる式に広がる結び方です。`,
    en: `On ${japanTime(t.linkedAt, 'en')}, ${t.organization} tied "${t.datasetA}" and "${t.datasetB}" — records of different organizations — through the My Number itself instead of agency-specific codes, the kind of tie through which one leak cascades.`,
  };
}

export function sharedIdentifierExplanation(datasets: readonly string[], kind: string | undefined): Explanation {
  const [ja, en] = kind === undefined ? SOME_IDENTIFIER : identifierWords(kind);
  return {
    topic: 'LINKAGE',
    ja: `${datasetList(datasets, 0)}のあなたの記録は、どれも同じ${ja}で管理されています。${datasets.length === 2 ? '両方を' : 'これらを併せて'}持つ人は、照合の手間なしにこれらを結び付けられます。`,
    en: `Your records in ${datasetList(datasets, 1)} are all keyed by the same ${en}: whoever holds them can join them without any matching.`,
  };
}

export function componentExplanation(datasets: readonly string[], domains: readonly string[]): Explanation {
  return {
    topic: 'LINKAGE',
    ja: `${datasetList(datasets, 0)}の${datasets.length}件のデータセット（分野：${domainWords(domains, 0).join('・') || 'なし'}）にあるあなたの記録は、紐付けか共通の番号によって、すでに一つにつなげられる状態です。`,
    en: `Your records in the ${datasets.length} datasets ${datasetList(datasets, 1)} (${domains.length === 1 ? 'domain' : 'domains'}: ${domainWords(domains, 1).join(', ') || 'none'}) can already be joined into one profile through ties or shared identifiers.`,
  };
}

export function identifierLifetimeExplanation(kind: string, validUntil: Date): Explanation {
  const [ja, en] = identifierWords(kind);
  return {
    topic: 'IDENTIFIER_LIFETIME',
    ja: `あなたの${ja}は${japanDay(validUntil, 'ja')}に有効期間が終わっていますが、まだ失効の記録がありません。`,
    en: `Your ${en} reached the end of its lifetime on ${japanDay(validUntil, 'en')} (JST) but has not been retired.`,
  };
}

/**
 * A record's class size as written (`classSize`, RAW) and at the coarsest level (`coarsest`: birth year and
 * prefecture), measured on `measuredAt`'s records.
 */
export function classSizeExplanation(dataset: string, fields: readonly Basic4Field[], classSize: number, coarsest: number, measuredAt: Date): Explanation {
  const day = [japanTime(measuredAt, 'ja'), japanTime(measuredAt, 'en')] as const;
  // The coarsest level folds names' kanji variants and generalizes the birth date and the address: said when the
  // dataset holds any of them (sex alone does not change).
  const coarsens = fields.some((field) => field !== 'SEX');
  const coarse: [string, string] = !coarsens
    ? ['', '']
    : coarsest === 1
      ? ['氏名の異体字をそろえ、生年月日を生年に、住所を都道府県にまで粗くしても、あなたの記録はただ一つに絞られます。', ' Even at the coarsest level (kanji variants of names folded, the birth date cut to the year, the address to the prefecture), yours is the only such record.']
      : [`氏名の異体字をそろえ、生年月日を生年に、住所を都道府県にまで粗くすると、同じ人はあなたを含めて${coarsest}人になります。`, ` At the coarsest level (kanji variants of names folded, the birth date cut to the year, the address to the prefecture), ${coarsest} people, you included, share them.`];
  return classSize === 1
    ? {
        topic: 'CLASS_SIZE',
        ja: `${day[0]}時点で、「${dataset}」の中で、あなたと${fieldList(fields, 0)}がすべて同じ人はほかにいません。これらだけであなたの記録を特定できます（k = 1）。${coarse[0]}`,
        en: `As of ${day[1]}, in "${dataset}", no one else has the same ${fieldList(fields, 1)} as you: these alone single out your record (k = 1).${coarse[1]}`,
      }
    : {
        topic: 'CLASS_SIZE',
        ja: `${day[0]}時点で、「${dataset}」の中で、あなたと${fieldList(fields, 0)}がすべて同じ人は、あなたを含めて${classSize}人います。${coarse[0]}`,
        en: `As of ${day[1]}, in "${dataset}", ${classSize} people, you included, share the same ${fieldList(fields, 1)}.${coarse[1]}`,
      };
}

/** One other dataset where a record is uniquely matchable: on which fields, and from which level. */
export interface OneToOneMatch {
  dataset: string;
  fields: readonly Basic4Field[];
  level: ExposureLevel;
}

/**
 * Where one record can be matched one-to-one (名寄せ), in one sentence: the datasets matched on the same fields
 * from the same level are named together, the cheapest match first, so that a record matchable into many
 * datasets reads as one reason rather than a sentence per dataset.
 */
export function matchabilityExplanation(from: string, matches: readonly OneToOneMatch[], measuredAt: Date): Explanation {
  const groups: { fields: readonly Basic4Field[]; level: ExposureLevel; datasets: string[] }[] = [];
  for (const m of matches) {
    const same = groups.find((g) => g.level === m.level && g.fields.join() === m.fields.join());
    if (same) same.datasets.push(m.dataset);
    else groups.push({ fields: m.fields, level: m.level, datasets: [m.dataset] });
  }
  groups.sort((a, b) => levelNumber(a.level) - levelNumber(b.level));
  const day = [japanTime(measuredAt, 'ja'), japanTime(measuredAt, 'en')] as const;
  const several = groups.length > 1 || groups[0]!.datasets.length > 1;
  const ja = groups.map((g) => `${fieldList(g.fields, 0)}を${LEVEL_WORDS[g.level][0]}${datasetList(g.datasets, 0)}の`).join('、');
  const en = groups.map((g, i) => `${i > 0 ? 'in ' : ''}${datasetList(g.datasets, 1)} on ${fieldList(g.fields, 1)} ${LEVEL_WORDS[g.level][1]}`);
  return {
    topic: 'MATCHABILITY',
    ja: `${day[0]}時点で、「${from}」のあなたの記録は、${ja}${several ? '、それぞれ' : ''}ただ一つの記録と突き合わせられます（名寄せ）。`,
    en: `As of ${day[1]}, your record in "${from}" can be matched to exactly one record in ${several ? 'each of ' : ''}${en.length > 1 ? `${en.slice(0, -1).join('; ')}; and ${en.at(-1)}` : en[0]}.`,
  };
}

export function matchProbabilityExplanation(from: string, to: string, agreeing: readonly Basic4Field[], probability: number): Explanation {
  return {
    topic: 'MATCH_PROBABILITY',
    ja: `名寄せの標準的な確率モデル（Fellegi–Sunter）では、「${from}」のあなたの記録は「${to}」の記録と${percent(probability)}の確率で同一人物と判定されます（一致した項目：${fieldList(agreeing, 0) || 'なし'}）。`,
    en: `The standard record-linkage model (Fellegi–Sunter) would match your record in "${from}" to a record in "${to}" with probability ${percent(probability)} (agreeing on ${fieldList(agreeing, 1) || 'nothing'}).`,
  };
}
