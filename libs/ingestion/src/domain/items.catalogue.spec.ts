import { ITEMS, ITEM_CATEGORIES, itemByCode, itemNames, readItem, resolveItem } from './items.catalogue.js';

describe('the item catalogue (特定個人情報の項目)', () => {
  it('names each item in Japanese and English and places it in a category', () => {
    expect(itemByCode('LOCAL_TAX_INCOME')).toMatchObject({ ja: '地方税関係情報（所得額・税額）', en: 'local tax information (income and tax amounts)', category: { ja: '地方税関係情報', appendedTable: true } });
    expect(itemByCode('HOUSEHOLD_COMPOSITION')?.category.ja).toBe('住民票関係情報');
    expect(itemByCode('PENSION_BENEFIT_AMOUNT')?.category.ja).toBe('年金給付関係情報');
    expect(itemByCode('SALARY_PAYMENT_REPORT')).toMatchObject({ ja: '給与支払報告書', category: { appendedTable: false } });
    expect(itemByCode('NOT_AN_ITEM')).toBeUndefined();
  });

  it('has one entry per code, and every category names one of its own items as its principal', () => {
    expect(new Set(ITEMS.map((i) => i.code)).size).toBe(ITEMS.length);
    for (const c of Object.values(ITEM_CATEGORIES)) expect(itemByCode(c.principal)?.category).toBe(c);
    for (const i of ITEMS) expect(i.code).toMatch(/^[A-Z][A-Z0-9_]{0,63}$/);
    // A name stands for one item only: no two items, and no item and category, share a name.
    const names = [...ITEMS.flatMap((i) => [i.ja, i.en]), ...Object.values(ITEM_CATEGORIES).flatMap((c) => [c.ja, c.en])].map((n) => n.normalize('NFKC').toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('resolves a code, a Japanese or English name, or a category name (which stands for its principal item)', () => {
    expect(resolveItem('LOCAL_TAX_INCOME')?.code).toBe('LOCAL_TAX_INCOME');
    expect(resolveItem(' income ')?.code).toBe('INCOME');
    expect(resolveItem('地方税関係情報')?.code).toBe('LOCAL_TAX_INCOME');
    expect(resolveItem('住民票関係情報')?.code).toBe('HOUSEHOLD_COMPOSITION');
    expect(resolveItem('給与支払報告書')?.code).toBe('SALARY_PAYMENT_REPORT');
    expect(resolveItem('地方税関係情報（課税・非課税の別）')?.code).toBe('LOCAL_TAX_EXEMPTION');
    // Full-width brackets and half-width ones, full-width letters and spaces name the same item.
    expect(resolveItem('地方税関係情報(課税・非課税の別)')?.code).toBe('LOCAL_TAX_EXEMPTION');
    expect(resolveItem('Ｍｙ　Ｎｕｍｂｅｒ')?.code).toBe('MY_NUMBER');
    expect(resolveItem('pension benefit information')?.code).toBe('PENSION_BENEFIT_AMOUNT');
    expect(resolveItem('謎の情報')).toBeUndefined();
  });

  it('refuses what it does not know with a reason that says what is known', () => {
    expect(readItem('地方税関係情報')).toEqual({ ok: true, item: itemByCode('LOCAL_TAX_INCOME') });
    const refused = readItem('INCOM');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.reason).toContain('is not an item of the catalogue');
      expect(refused.reason).toContain('did you mean INCOME?');
    }
    const partial = readItem('LOCAL_TAX');
    expect(!partial.ok && partial.reason).toContain('did you mean LOCAL_TAX_INCOME, LOCAL_TAX_EXEMPTION');
    const unknown = readItem('謎の情報');
    expect(!unknown.ok && unknown.reason).not.toContain('did you mean');
  });

  it('gives a code it lacks without names, never a made-up one', () => {
    expect(itemNames('TAX_AMOUNT')).toMatchObject({ code: 'TAX_AMOUNT', ja: '税額', en: 'tax amount' });
    expect(itemNames('LEGACY_CODE')).toEqual({ code: 'LEGACY_CODE', ja: null, en: null, category: null });
  });
});

describe("a command's items", () => {
  it('are kept as codes, whether a command names them by code or by name, and an unknown one is refused', async () => {
    const { edgeItems: catalogueItems } = await import('./edge.grammar.js');
    expect(catalogueItems.parse(['LOCAL_TAX_INCOME', '住民票関係情報', '給与支払報告書'])).toEqual(['LOCAL_TAX_INCOME', 'HOUSEHOLD_COMPOSITION', 'SALARY_PAYMENT_REPORT']);
    const refused = catalogueItems.safeParse(['INCOME', 'INCOM']);
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]).toMatchObject({ path: [1], message: expect.stringContaining('did you mean INCOME') });
    expect(catalogueItems.safeParse([]).success).toBe(false);
  });
});
