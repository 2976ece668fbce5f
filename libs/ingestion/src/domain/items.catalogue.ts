
/**
 * 特定個人情報の項目 — the catalogue of items of personal information: each item's code (what events carry), its
 * Japanese and English names (what answers show beside the code), and the category it belongs to: one of the
 * names of information of the My Number Act's appended table 2 (別表第二, now the ministerial ordinance:
 * 地方税関係情報, 住民票関係情報 …), or, for items exchanged outside the information-provision network, the
 * affairs they serve (個人番号関係事務, a company's customer file).
 *
 * Pure data and functions: the write side (commands) and the read side (queries, answers) both use it.
 */

/** A category of items. `appendedTable` is true for the names of information of 別表第二. */
export interface ItemCategory {
  readonly code: string;
  readonly ja: string;
  readonly en: string;
  readonly appendedTable: boolean;
  /** The item a query naming the whole category stands for (e.g. 地方税関係情報 → LOCAL_TAX_INCOME). */
  readonly principal: string;
}

export interface CatalogueItem {
  readonly code: string;
  readonly ja: string;
  readonly en: string;
  readonly category: ItemCategory;
}

const category = (code: string, ja: string, en: string, appendedTable: boolean, principal: string): ItemCategory => ({ code, ja, en, appendedTable, principal });

export const ITEM_CATEGORIES = {
  LOCAL_TAX: category('LOCAL_TAX', '地方税関係情報', 'local tax information', true, 'LOCAL_TAX_INCOME'),
  RESIDENT_REGISTER: category('RESIDENT_REGISTER', '住民票関係情報', 'resident register information', true, 'HOUSEHOLD_COMPOSITION'),
  PENSION_BENEFIT: category('PENSION_BENEFIT', '年金給付関係情報', 'pension benefit information', true, 'PENSION_BENEFIT_AMOUNT'),
  MEDICAL_INSURANCE: category('MEDICAL_INSURANCE', '医療保険給付関係情報', 'medical insurance benefit information', true, 'HEALTH_INSURANCE_ELIGIBILITY'),
  NATIONAL_TAX: category('NATIONAL_TAX', '国税関係情報', 'national tax information', false, 'TAX_RETURN'),
  NUMBER_AFFAIRS: category('NUMBER_AFFAIRS', '個人番号関係事務の情報', "information of My Number affairs (an employer's returns)", false, 'SALARY_PAYMENT_REPORT'),
  RESIDENT_NETWORK: category('RESIDENT_NETWORK', '本人確認情報（住民基本台帳ネットワーク）', 'identity confirmation information (resident registry network)', false, 'IDENTITY_CONFIRMATION_INFO'),
  DISASTER: category('DISASTER', '災害対策関係情報', 'disaster response information', false, 'SUPPORT_NEEDS'),
  BASIC4: category('BASIC4', '基本4情報', 'basic four information', false, 'NAME'),
  CUSTOMER: category('CUSTOMER', '民間事業者の顧客情報', "a private business's customer information", false, 'MEMBER_PROFILE'),
} as const satisfies Record<string, ItemCategory>;

type CategoryCode = keyof typeof ITEM_CATEGORIES;
const item = (code: string, ja: string, en: string, of: CategoryCode): CatalogueItem => ({ code, ja, en, category: ITEM_CATEGORIES[of] });

/** Every item, in the order answers list them. A new item is added here, once, for commands and queries alike. */
export const ITEMS: readonly CatalogueItem[] = [
  item('LOCAL_TAX_INCOME', '地方税関係情報（所得額・税額）', 'local tax information (income and tax amounts)', 'LOCAL_TAX'),
  item('LOCAL_TAX_EXEMPTION', '地方税関係情報（課税・非課税の別）', 'local tax information (taxed or exempt)', 'LOCAL_TAX'),
  item('INCOME', '所得', 'income', 'LOCAL_TAX'),
  item('TAX_AMOUNT', '税額', 'tax amount', 'LOCAL_TAX'),
  item('TAX_ASSESSMENT', '課税情報（賦課）', 'tax assessment', 'LOCAL_TAX'),
  item('HOUSEHOLD_COMPOSITION', '住民票関係情報（世帯構成）', 'resident register information (household composition)', 'RESIDENT_REGISTER'),
  item('HOUSEHOLD', '世帯情報', 'household', 'RESIDENT_REGISTER'),
  item('RESIDENT_RECORD', '住民票の記載事項', 'resident record', 'RESIDENT_REGISTER'),
  item('PENSION_BENEFIT_AMOUNT', '年金給付関係情報（年金給付額）', 'pension benefit information (benefit amount)', 'PENSION_BENEFIT'),
  item('PENSION_AMOUNT', '年金額', 'pension amount', 'PENSION_BENEFIT'),
  item('PENSION_RECORD', '年金記録', 'pension record', 'PENSION_BENEFIT'),
  item('HEALTH_INSURANCE_ELIGIBILITY', '医療保険給付関係情報（被保険者資格）', 'medical insurance information (insured status)', 'MEDICAL_INSURANCE'),
  item('INSURANCE_ELIGIBILITY', '被保険者資格', 'insured status', 'MEDICAL_INSURANCE'),
  item('INSURANCE_PREMIUM', '保険料', 'insurance premium', 'MEDICAL_INSURANCE'),
  item('MEDICAL_BENEFIT', '医療保険給付', 'medical insurance benefits', 'MEDICAL_INSURANCE'),
  item('TAX_RETURN', '確定申告書', 'tax return', 'NATIONAL_TAX'),
  item('SALARY_PAYMENT_REPORT', '給与支払報告書', 'salary payment report', 'NUMBER_AFFAIRS'),
  item('WITHHOLDING_SLIP', '給与所得の源泉徴収票', 'withholding tax slip', 'NUMBER_AFFAIRS'),
  item('MY_NUMBER', '個人番号', 'My Number', 'NUMBER_AFFAIRS'),
  item('DEPENDENTS', '扶養親族', 'dependants', 'NUMBER_AFFAIRS'),
  item('SALARY', '給与', 'salary', 'NUMBER_AFFAIRS'),
  item('IDENTITY_CONFIRMATION_INFO', '本人確認情報', 'identity confirmation information', 'RESIDENT_NETWORK'),
  item('SUPPORT_NEEDS', '避難行動要支援者情報', 'evacuation support needs', 'DISASTER'),
  item('EMERGENCY_CONTACT', '緊急連絡先', 'emergency contact', 'DISASTER'),
  item('NAME', '氏名', 'name', 'BASIC4'),
  item('ADDRESS', '住所', 'address', 'BASIC4'),
  item('BIRTH_DATE', '生年月日', 'date of birth', 'BASIC4'),
  item('SEX', '性別', 'sex', 'BASIC4'),
  item('MEMBER_PROFILE', '会員情報', 'member profile', 'CUSTOMER'),
  item('POINT_HISTORY', 'ポイント履歴', 'points history', 'CUSTOMER'),
  item('PURCHASE_HISTORY', '購買履歴', 'purchase history', 'CUSTOMER'),
  item('CONTRACT', '契約情報', 'contract', 'CUSTOMER'),
  item('BILLING', '請求情報', 'billing', 'CUSTOMER'),
];

const BY_CODE = new Map(ITEMS.map((i) => [i.code, i]));
/** Names people type, folded the way `nameKey` folds them: each item's names, and each category's (for its principal item). */
const BY_NAME = new Map<string, CatalogueItem>([
  ...Object.values(ITEM_CATEGORIES).flatMap((c) => [[nameKey(c.ja), BY_CODE.get(c.principal)!], [nameKey(c.en), BY_CODE.get(c.principal)!]] as const),
  ...ITEMS.flatMap((i) => [[nameKey(i.ja), i], [nameKey(i.en), i]] as const),
]);

/** Full-width and half-width forms, case and spaces do not make a different name. */
function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** The item with this code, or undefined when the catalogue does not have it. */
export const itemByCode = (code: string): CatalogueItem | undefined => BY_CODE.get(code);

/**
 * The item a person named: by its code (LOCAL_TAX_INCOME), its Japanese or English name (地方税関係情報（所得額・税額）),
 * or its category's name, which stands for the category's principal item (地方税関係情報 → LOCAL_TAX_INCOME).
 */
export function resolveItem(text: string): CatalogueItem | undefined {
  const trimmed = text.trim();
  return BY_CODE.get(trimmed) ?? BY_CODE.get(trimmed.toUpperCase()) ?? BY_NAME.get(nameKey(trimmed));
}

export type ItemParse = { ok: true; item: CatalogueItem } | { ok: false; reason: string };

/**
 * The edge's reading of an item, the same for commands and queries: a code or a name the catalogue has, or a
 * refusal that says what is known (the closest codes first).
 */
export function readItem(text: string): ItemParse {
  const found = resolveItem(text);
  if (found) return { ok: true, item: found };
  const near = closest(text);
  return {
    ok: false,
    reason: `is not an item of the catalogue (a code such as LOCAL_TAX_INCOME, or a name such as 地方税関係情報)${near.length ? `; did you mean ${near.join(', ')}?` : ''}`,
  };
}

/** The item's names for an answer; a code the catalogue lacks (an event from before it knew the code) keeps its code and no names. */
export function itemNames(code: string): { code: string; ja: string | null; en: string | null; category: ItemCategory | null } {
  const found = BY_CODE.get(code);
  return found ? { code, ja: found.ja, en: found.en, category: found.category } : { code, ja: null, en: null, category: null };
}

/** Up to three codes closest to the text: by edit distance (INCOM → INCOME), else by the words they share (LOCAL_TAX → LOCAL_TAX_INCOME …). */
function closest(text: string): string[] {
  const wanted = text.trim().toUpperCase();
  if (!/^[A-Z0-9_]+$/.test(wanted)) return [];
  const near = ITEMS.map((i) => ({ code: i.code, distance: editDistance(wanted, i.code) }))
    .filter((c) => c.distance <= Math.max(2, Math.floor(wanted.length / 4)))
    .sort((a, b) => a.distance - b.distance);
  if (near.length > 0) return near.slice(0, 3).map((c) => c.code);
  const words = wanted.split('_').filter((w) => w.length >= 3);
  return ITEMS.map((i) => ({ code: i.code, shared: words.filter((w) => i.code.split('_').includes(w)).length }))
    .filter((c) => c.shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, 3)
    .map((c) => c.code);
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}
