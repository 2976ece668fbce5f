import { EVENT_STORE, type EventStore } from '#event-store';
import { ExposureQueries } from '#exposure';
import { myNumberCheckDigit } from '#ingestion';
import { japanTime } from '#normalization';
import { ProjectionRunner, rebuildProjections } from '#projections';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { readModelHash, settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const at = (date: string) => `${date}T09:00:00+09:00`;
const myNumber = (person: number) => {
  const first11 = String(20_000_000_000 + person);
  return { kind: 'MY_NUMBER', value: first11 + myNumberCheckDigit(first11) };
};

/**
 * A population small enough to compute every figure by hand (PRODUCT §6 definitions):
 *   city-tax (name kanji, birth date, sex):   p1 髙橋一郎 1985-01-02 M, p3 佐藤花子 1990-05-05 F, p4 佐藤花子 1990-05-05 F,
 *                                             p5 鈴木次郎 1970-12-31 M, p7 渡邊健 1965-07-07 M, p8 佐藤花子 1990-05-20 F
 *   jps-pension (name kanji, birth date, sex): p1 高橋一郎 1985-01-02 M, p5 鈴木次郎 1970-12-31 M, p6 田中三郎 1980-03-03 M, p7 渡辺健 1965-07-07 M
 *   points (name kana, birth date, address):   p1 たかはしいちろう 1985-01-02, p3 さとうはなこ 1990-05-05
 *   shop (name kana, birth date), registered after the others hold records: p1 タカハシイチロウ 1985-01-02
 */
describe(`name-matching exposure on ${backendName}`, () => {
  let f: IngestionFixture;
  let queries: ExposureQueries;
  const subject = new Map<number, string>();

  const record = (recordId: string, datasetId: string, person: number, basic4: Record<string, string>, identifiers?: unknown[]) =>
    f.send('RegisterRecord', { recordId, datasetId, subject: myNumber(person), identifiers, basic4, occurredAt: at('2024-04-02') });

  beforeAll(async () => {
    f = await IngestionFixture.start();
    queries = new ExposureQueries(f.database.pool);
    const organization = (organizationId: string, kind: string, domain: string) =>
      f.send('RegisterOrganization', { organizationId, name: organizationId, kind, domains: [domain], occurredAt: at('2024-04-01') });
    const dataset = (datasetId: string, holderId: string, domain: string, basic4Fields: string[], keyedBy: string[]) =>
      f.send('RegisterDataset', { datasetId, holderId, name: `${datasetId} file`, purpose: 'p', domain, legalBasis: null, keyedBy, basic4Fields, occurredAt: at('2024-04-01') });
    await organization('city', 'MUNICIPALITY', 'TAX');
    await organization('jps', 'PENSION', 'SOCIAL_SECURITY');
    await organization('points-co', 'PRIVATE_BUSINESS', 'PRIVATE');
    await organization('shop-co', 'PRIVATE_BUSINESS', 'PRIVATE');
    await dataset('city-tax', 'city', 'TAX', ['NAME_KANJI', 'BIRTH_DATE', 'SEX'], ['MY_NUMBER']);
    await dataset('jps-pension', 'jps', 'SOCIAL_SECURITY', ['NAME_KANJI', 'BIRTH_DATE', 'SEX'], ['PENSION_NUMBER']);
    await dataset('points', 'points-co', 'PRIVATE', ['NAME_KANA', 'BIRTH_DATE', 'ADDRESS'], ['MEMBER_NUMBER']);
    for (const person of [1, 3, 4, 5, 6, 7, 8]) {
      const enrolled = await f.send('EnrollSubject', { enrolledBy: 'city', identifiers: [myNumber(person)], occurredAt: at('2024-04-01') });
      subject.set(person, enrolled.events[0]!.streamId.slice('subject-'.length));
    }
    const tax = (id: number, nameKanji: string, birthDate: string, sex: string) => record(`tax-${id}`, 'city-tax', id, { nameKanji, birthDate, sex });
    await tax(1, '髙橋一郎', '1985-01-02', 'MALE');
    await tax(3, '佐藤花子', '1990-05-05', 'FEMALE');
    await tax(4, '佐藤花子', '1990-05-05', 'FEMALE');
    await tax(5, '鈴木次郎', '1970-12-31', 'MALE');
    await tax(7, '渡邊健', '1965-07-07', 'MALE');
    await tax(8, '佐藤花子', '1990-05-20', 'FEMALE');
    const pension = (id: number, nameKanji: string, birthDate: string) => record(`pension-${id}`, 'jps-pension', id, { nameKanji, birthDate, sex: 'MALE' }, []);
    await pension(1, '高橋一郎', '1985-01-02');
    await pension(5, '鈴木次郎', '1970-12-31');
    await pension(6, '田中三郎', '1980-03-03');
    await pension(7, '渡辺健', '1965-07-07');
    await record('points-1', 'points', 1, { nameKana: 'たかはしいちろう', birthDate: '1985-01-02', address: '横浜市中区港町1-1' }, []);
    await record('points-3', 'points', 3, { nameKana: 'さとうはなこ', birthDate: '1990-05-05', address: '横浜市西区高島2-2' }, []);
    // A dataset registered after the others hold records: points' records must be keyed anew on what the two share.
    await dataset('shop', 'shop-co', 'PRIVATE', ['NAME_KANA', 'BIRTH_DATE'], ['MEMBER_NUMBER']);
    await record('shop-1', 'shop', 1, { nameKana: 'タカハシイチロウ', birthDate: '1985-01-02' }, []);
    await settled(f.context.get(ProjectionRunner));
  });
  afterAll(() => f.close());

  it('k-anonymity, uniqueness, prosecutor risk and ER of a dataset, at full detail and generalized', async () => {
    // RAW: classes {p1} {p3,p4} {p5} {p7} {p8}: n = 6, 5 classes, 4 unique; every record has 1/f_k > 0.2; ER = 4 + 2 × 1/2.
    expect(await queries.datasetRisk('city-tax', 'RAW')).toEqual({
      records: 6, classes: 5, k: 1, sampleUniqueness: 4 / 6,
      prosecutor: { threshold: 0.2, recordsAtRisk: 1, highestRisk: 1, successRate: 5 / 6 },
      expectedReidentifications: 5, expectedReidentificationRate: 5 / 6,
      histogram: [{ classSize: 1, classes: 4 }, { classSize: 2, classes: 1 }],
    });
    // Birth month: p8 joins p3 and p4 — classes {p1} {p3,p4,p8} {p5} {p7}; ER = 3 + 3 × 1/3.
    expect(await queries.datasetRisk('city-tax', 'MONTH_MUNICIPALITY')).toEqual({
      records: 6, classes: 4, k: 1, sampleUniqueness: 3 / 6,
      prosecutor: { threshold: 0.2, recordsAtRisk: 1, highestRisk: 1, successRate: 4 / 6 },
      expectedReidentifications: 4, expectedReidentificationRate: 4 / 6,
      histogram: [{ classSize: 1, classes: 3 }, { classSize: 3, classes: 1 }],
    });
  });

  it('variant spellings raise matchability exactly at the level where they fold', async () => {
    // RAW: only 鈴木次郎 is unique in both; 髙橋/高橋 and 渡邊/渡辺 differ until kanji variants fold at VARIANT.
    const pair = async (level: 'RAW' | 'NFKC' | 'KANA' | 'VARIANT') => (await queries.matchability('city-tax', 'jps-pension', level)).matchableRecords;
    expect([await pair('RAW'), await pair('NFKC'), await pair('KANA'), await pair('VARIANT')]).toEqual([1, 1, 1, 3]);
    expect(await queries.matchability('city-tax', 'jps-pension', 'VARIANT')).toMatchObject({ fields: ['NAME_KANJI', 'BIRTH_DATE', 'SEX'], shareOfA: 3 / 6, shareOfB: 3 / 4 });
    // Hiragana and katakana readings fold at KANA: the newcomer's shared key was built for points' older records too.
    const kana = async (level: 'RAW' | 'NFKC' | 'KANA') => (await queries.matchability('shop', 'points', level)).matchableRecords;
    expect([await kana('RAW'), await kana('NFKC'), await kana('KANA')]).toEqual([0, 0, 1]);
    // Sharing only the birth date, the key is the birth date: in city-tax 1985-01-02 (p1), 1970-12-31 (p5),
    // 1965-07-07 (p7) and 1990-05-20 (p8) are unique, 1990-05-05 is not (p3, p4); points holds exactly one
    // 1985-01-02 and none of the others: 1 of city-tax's 6, 1 of points' 2.
    expect(await queries.matchability('city-tax', 'points', 'VARIANT')).toEqual({
      datasetA: 'city-tax', datasetB: 'points', level: 'VARIANT', fields: ['BIRTH_DATE'], matchableRecords: 1, shareOfA: 1 / 6, shareOfB: 1 / 2,
    });
  });

  it("a subject's exposure: class sizes, where each record matches one-to-one and from which level, and the best match", async () => {
    const exposure = await queries.exposure(subject.get(1)!, new Date(at('2024-05-01')));
    const byRecord = Object.fromEntries(exposure.records.map((r) => [r.recordId, r]));
    expect(byRecord['tax-1']!.classSizes.map((c) => c.classSize)).toEqual([1, 1, 1, 1, 1, 1]);
    // p1's birth date, 1985-01-02, is unique in each of the four datasets, so wherever two datasets share only
    // the birth date, p1's records match one-to-one already as written (RAW); on the name they wait for its fold.
    const byBirthDate = (datasetId: string) => ({ datasetId, lowestLevel: 'RAW', fields: ['BIRTH_DATE'] });
    expect(byRecord['tax-1']!.uniquelyMatchableIn).toEqual([{ datasetId: 'jps-pension', lowestLevel: 'VARIANT', fields: ['NAME_KANJI', 'BIRTH_DATE', 'SEX'] }, byBirthDate('points'), byBirthDate('shop')]);
    expect(byRecord['pension-1']!.uniquelyMatchableIn).toEqual([{ datasetId: 'city-tax', lowestLevel: 'VARIANT', fields: ['NAME_KANJI', 'BIRTH_DATE', 'SEX'] }, byBirthDate('points'), byBirthDate('shop')]);
    expect(byRecord['points-1']!.uniquelyMatchableIn).toEqual([byBirthDate('city-tax'), byBirthDate('jps-pension'), { datasetId: 'shop', lowestLevel: 'KANA', fields: ['NAME_KANA', 'BIRTH_DATE'] }]);
    expect(byRecord['shop-1']!.uniquelyMatchableIn).toEqual([byBirthDate('city-tax'), byBirthDate('jps-pension'), { datasetId: 'points', lowestLevel: 'KANA', fields: ['NAME_KANA', 'BIRTH_DATE'] }]);
    expect(exposure.uniquelyMatchableDatasets).toBe(4);
    expect(exposure.lowestUniqueLevel).toBe('RAW');

    // Best: tax-1 → pension-1, agreeing on name (2 of 10 kanji names), birth date (4 of 13) and sex (7 of 10 are male);
    // prior 1 / (4 + 1) for the four pension records.
    const odds = (1 / 5 / (4 / 5)) * (0.95 / (2 / 10)) * (0.98 / (4 / 13)) * (0.99 / (7 / 10));
    expect(exposure.bestMatch).toMatchObject({ fromDatasetId: 'city-tax', toDatasetId: 'jps-pension', agreeingFields: ['NAME_KANJI', 'BIRTH_DATE', 'SEX'] });
    expect(exposure.bestMatch!.probability).toBeCloseTo(odds / (1 + odds), 10);

    const texts = exposure.explanations.map((e) => `${e.topic}: ${e.en} / ${e.ja}`);
    // Dated as measured, on the clock in Japan (JST); at the coarsest level 高橋一郎 1985 M is still alone in city-tax.
    const day = { ja: japanTime(exposure.measuredAt, 'ja'), en: japanTime(exposure.measuredAt, 'en') };
    expect(day.en).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} JST$/);
    expect(texts).toContain(
      `CLASS_SIZE: As of ${day.en}, in "city-tax file", no one else has the same name in kanji, date of birth, sex as you: these alone single out your record (k = 1).` +
        ' Even at the coarsest level (kanji variants of names folded, the birth date cut to the year, the address to the prefecture), yours is the only such record.' +
        ` / ${day.ja}時点で、「city-tax file」の中で、あなたと氏名（漢字）・生年月日・性別がすべて同じ人はほかにいません。これらだけであなたの記録を特定できます（k = 1）。` +
        '氏名の異体字をそろえ、生年月日を生年に、住所を都道府県にまで粗くしても、あなたの記録はただ一つに絞られます。',
    );
    // One sentence a record: the datasets matched on the same fields from the same level named together, cheapest first.
    expect(texts.filter((t) => t.startsWith('MATCHABILITY: '))).toHaveLength(4);
    expect(texts).toContain(
      `MATCHABILITY: As of ${day.en}, your record in "points file" can be matched to exactly one record in each of "city-tax file" and "jps-pension file" on date of birth by comparing the values exactly as written;` +
        ' and in "shop file" on name in kana, date of birth once hiragana, katakana and their widths are folded.' +
        ` / ${day.ja}時点で、「points file」のあなたの記録は、生年月日を表記のまま比べるだけで「city-tax file」と「jps-pension file」の、` +
        '氏名（カナ）・生年月日をひらがな・カタカナの違いをそろえると「shop file」の、それぞれただ一つの記録と突き合わせられます（名寄せ）。',
    );
    expect(texts.some((t) => t.startsWith('MATCH_PROBABILITY: ') && t.includes('"city-tax file"') && t.includes('"jps-pension file"'))).toBe(true);
  });

  it('a tie and its cut move the linkage and tie hygiene, and move them back', async () => {
    const p1 = subject.get(1)!;
    await f.send('LinkRecords', {
      linkId: 'tie-1', organizationId: 'city', staffCode: 'C-1', records: ['tax-1', 'pension-1'], key: { by: 'IDENTIFIER', identifierKind: 'MY_NUMBER' },
      purpose: '年金額の確認', legalBasis: null, expectedCutOffAt: at('2024-06-01'), occurredAt: at('2024-05-10'),
    });
    await f.send('UnlinkRecords', { linkId: 'tie-1', organizationId: 'city', staffCode: 'C-1', reason: '確認完了', occurredAt: at('2024-07-01') });
    await settled(f.context.get(ProjectionRunner));

    const before = await queries.linkage(p1, new Date(at('2024-05-01')));
    const during = await queries.linkage(p1, new Date(at('2024-05-20')));
    const overdue = await queries.linkage(p1, new Date(at('2024-06-15')));
    const after = await queries.linkage(p1, new Date(at('2024-07-02')));
    const largest = (l: typeof before) => l.components[0]!.datasetIds;
    expect(largest(before)).toHaveLength(1);
    expect(largest(during)).toEqual(['city-tax', 'jps-pension']);
    expect(during.components[0]!.domains).toEqual(['SOCIAL_SECURITY', 'TAX']);
    expect(largest(after)).toHaveLength(1);
    expect([before, during, overdue, after].map((l) => [l.hygiene.liveTies.length, l.hygiene.overdueTies.length])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
    // A tie through the My Number between two organizations stays on the record after it is cut.
    expect(after.hygiene.myNumberTiesAcrossOrganizations.map((t) => t.linkId)).toEqual(['tie-1']);
    expect(overdue.explanations.map((e) => e.topic)).toEqual(['LINKAGE', 'OVERDUE_TIE', 'MY_NUMBER_TIE']);
    expect(overdue.explanations[1]!.ja).toBe(
      '「city-tax file」のあなたの記録と「jps-pension file」のあなたの記録は、2024年5月10日 09:00 JSTからマイナンバー（個人番号）で紐付けられています（city、目的：年金額の確認）。解除予定の2024年6月1日 09:00 JSTを過ぎても、紐付けは解除されていません。',
    );
  });

  it('an amended record moves its classes, and a rebuild equals what live processing built', async () => {
    await f.send('AmendRecord', { recordId: 'tax-4', basic4: { birthDate: '1990-05-06' }, reason: '誤記訂正', occurredAt: at('2024-08-01') });
    const runner = f.context.get(ProjectionRunner);
    await settled(runner);
    // p4 leaves p3's class: {p1} {p3} {p4} {p5} {p7} {p8}, every record unique.
    expect(await queries.datasetRisk('city-tax', 'RAW')).toMatchObject({ classes: 6, k: 1, sampleUniqueness: 1, histogram: [{ classSize: 1, classes: 6 }] });
    const live = await readModelHash(f.database.pool);
    await rebuildProjections(f.database.pool, f.context.get<EventStore>(EVENT_STORE), runner, runner.projections, { batchSize: 3 });
    expect(await readModelHash(f.database.pool)).toBe(live);
  });

  it("someone else's record kept under the subject's identifier joins the subject's linkage through it", async () => {
    // A misfiled record: p6's pension record keyed by p1's My Number, which p1's tax record holds too.
    await record('pension-misfiled', 'jps-pension', 6, { nameKanji: '田中三郎', birthDate: '1980-03-03', sex: 'MALE' }, [myNumber(1)]);
    await settled(f.context.get(ProjectionRunner));
    const linkage = await queries.linkage(subject.get(1)!, new Date(at('2024-09-01')));
    const joined = linkage.components.find((c) => c.recordIds.includes('pension-misfiled'));
    expect(joined).toMatchObject({ datasetIds: ['city-tax', 'jps-pension'], joins: [{ join: { by: 'IDENTIFIER' } }] });
    expect([...joined!.recordIds].sort()).toEqual(['pension-misfiled', 'tax-1']);
    // Only the subject's own records are listed as theirs; p6's linkage finds the record as its own.
    expect(linkage.records.map((r) => r.recordId)).not.toContain('pension-misfiled');
    expect((await queries.linkage(subject.get(6)!, new Date(at('2024-09-01')))).records.map((r) => r.recordId)).toContain('pension-misfiled');
  });
});
