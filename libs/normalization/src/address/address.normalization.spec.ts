import { NormalizationError } from '../normalization.errors.js';
import { ADDRESS_LEVELS, generalizeAddress, normalizeAddress, type AddressLevel } from './address.normalization.js';

function errorOf(input: string, field?: string): NormalizationError {
  try {
    normalizeAddress(input, field);
  } catch (error) {
    if (error instanceof NormalizationError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

const full = (input: string) => normalizeAddress(input).full;

describe('normalizeAddress', () => {
  describe('full', () => {
    it('is NFKC with spaces removed and half-width digits', () => {
      expect(full('東京都　千代田区 丸の内１丁目９－１')).toBe('東京都千代田区丸の内1-9-1');
    });

    it('turns kanji numerals before 丁目 into digits', () => {
      expect(full('東京都新宿区四谷三丁目1')).toBe('東京都新宿区四谷3-1');
      expect(full('北海道札幌市中央区南一条西十丁目')).toBe('北海道札幌市中央区南1条西10');
      expect(full('北海道札幌市中央区南一条西二十八丁目')).toBe('北海道札幌市中央区南1条西28');
    });

    // Real notations of one address each (official sites' 所在地, register forms, letters): one key per address.
    it.each([
      ['千代田区役所', ['東京都千代田区九段南一丁目2番1号', '東京都千代田区九段南1-2-1', '東京都千代田区九段南１－２－１', '東京都千代田区九段南1丁目2-1', '東京都千代田区九段南一丁目二番一号']],
      ['東京都庁', ['東京都新宿区西新宿二丁目8番1号', '東京都新宿区西新宿2-8-1', '東京都新宿区西新宿２丁目８番地１']],
      ['軽井沢町役場', ['長野県北佐久郡軽井沢町大字長倉2381番地1', '長野県北佐久郡軽井沢町長倉2381-1', '長野県北佐久郡軽井沢町大字長倉二千三百八十一番地の一', '長野県北佐久郡軽井沢町長倉2381番地ノ1']],
      ['札幌市役所', ['北海道札幌市中央区北1条西2丁目', '北海道札幌市中央区北一条西二丁目', '北海道札幌市中央区北1条西2']],
      ['横浜市役所', ['神奈川県横浜市中区本町六丁目50番地の10', '神奈川県横浜市中区本町6-50-10', '神奈川県横浜市中区本町6丁目50-10']],
    ])('%s: every notation folds to one key', (_place, notations) => {
      expect(new Set(notations.map(full)).size).toBe(1);
    });

    it('keeps town names that hold 番町 or a numeral of their own, and 条 numbers', () => {
      expect(full('東京都千代田区一番町5番地')).toBe('東京都千代田区一番町5');
      expect(full('新潟県新潟市中央区学校町通1番町602-1')).toBe('新潟県新潟市中央区学校町通1番町602-1');
      expect(full('愛知県名古屋市中区三の丸三丁目1番1号')).toBe('愛知県名古屋市中区三の丸3-1-1');
      expect(full('東京都中央区八丁堀三丁目1番2号')).toBe('東京都中央区八丁堀3-1-2');
      expect(full('東京都江戸川区一之江1-2')).toBe('東京都江戸川区一之江1-2');
    });

    it('keeps different addresses apart', () => {
      expect(full('東京都千代田区九段南一丁目2番1号')).not.toBe(full('東京都千代田区九段南1-2-11'));
      expect(full('東京都千代田区九段南一丁目2番1号')).not.toBe(full('東京都千代田区九段南1-21'));
      expect(full('東京都千代田区九段南一丁目2番1号')).not.toBe(full('東京都千代田区九段北1-2-1'));
    });

    it('leaves kanji numerals that are not a block number (九段)', () => {
      expect(full('東京都千代田区九段南一丁目')).toBe('東京都千代田区九段南1');
    });

    it.each([
      ['hyphen-minus', '1-2-3'],
      ['full-width hyphen-minus －', '1－2－3'],
      ['hyphen ‐', '1‐2‐3'],
      ['non-breaking hyphen ‑', '1‑2‑3'],
      ['minus −', '1−2−3'],
      ['en dash –', '1–2–3'],
      ['em dash —', '1—2—3'],
      ['horizontal bar ―', '1―2―3'],
      ['long-vowel mark ー after a digit', '1ー2ー3'],
      ['half-width long-vowel mark ｰ after a digit', '1ｰ2ｰ3'],
      ['full-width digits and long-vowel marks', '１ー２ー３'],
    ])('unifies the %s to "-"', (_name, numbers) => {
      expect(full(`大阪府堺市堺区南瓦町${numbers}`)).toBe('大阪府堺市堺区南瓦町1-2-3');
    });

    it('keeps a long-vowel mark after kana', () => {
      expect(full('東京都江東区有明3-11-1有明センタービル')).toBe('東京都江東区有明3-11-1有明センタービル');
      expect(full('東京都江東区有明3-11-1ｾﾝﾀｰﾋﾞﾙ')).toBe('東京都江東区有明3-11-1センタービル');
    });

    it('folds kanji variants: 澤 and 沢 match', () => {
      expect(full('石川県金澤市広坂1-1-1')).toBe(full('石川県金沢市広坂1-1-1'));
      expect(full('石川県金澤市広坂1-1-1')).toBe('石川県金沢市広坂1-1-1');
      expect(normalizeAddress('神奈川縣横濱市中區').prefecture).toBe('神奈川県');
    });

    it('folds ケ, ヶ, ヵ and が between kanji to ケ: 霞が関 and 霞ヶ関 match', () => {
      const spellings = ['霞が関', '霞ヶ関', '霞ケ関', '霞ヵ関'].map((town) => full(`東京都千代田区${town}1丁目2-1`));
      expect(new Set(spellings)).toEqual(new Set(['東京都千代田区霞ケ関1-2-1']));
    });

    it('leaves が and ヶ that are not between two kanji', () => {
      expect(full('東京都目黒区自由が丘1')).toBe('東京都目黒区自由ケ丘1');
      expect(full('東京都千代田区がくえん1')).toBe('東京都千代田区がくえん1');
    });

    it('starts with the prefecture even when the address leaves it out', () => {
      expect(full('横浜市中区日本大通1')).toBe('神奈川県横浜市中区日本大通1');
      expect(full('横浜市中区日本大通1')).toBe(full('神奈川県横浜市中区日本大通1'));
    });
  });

  describe('prefecture', () => {
    it.each([
      ['北海道札幌市中央区北1条西2丁目', '北海道'],
      ['東京都千代田区丸の内1-9-1', '東京都'],
      ['京都府京都市中京区寺町通御池上る上本能寺前町488', '京都府'],
      ['大阪府大阪市北区中之島1-3-20', '大阪府'],
      ['沖縄県那覇市泉崎1-2-2', '沖縄県'],
      ['鹿児島県鹿児島市鴨池新町10-1', '鹿児島県'],
    ])('%s → %s', (address, prefecture) => {
      expect(normalizeAddress(address).prefecture).toBe(prefecture);
    });

    it.each([
      ['札幌市中央区北1条西2丁目', '北海道', '札幌市'],
      ['仙台市青葉区国分町3-7-1', '宮城県', '仙台市'],
      ['さいたま市浦和区常盤6-4-4', '埼玉県', 'さいたま市'],
      ['千葉市中央区千葉港1-1', '千葉県', '千葉市'],
      ['横浜市中区港町1-1', '神奈川県', '横浜市'],
      ['川崎市川崎区宮本町1', '神奈川県', '川崎市'],
      ['相模原市中央区中央2-11-15', '神奈川県', '相模原市'],
      ['新潟市中央区学校町通1番町602-1', '新潟県', '新潟市'],
      ['静岡市葵区追手町5-1', '静岡県', '静岡市'],
      ['浜松市中央区元城町103-2', '静岡県', '浜松市'],
      ['名古屋市中区三の丸3-1-1', '愛知県', '名古屋市'],
      ['京都市中京区寺町通御池上る上本能寺前町488', '京都府', '京都市'],
      ['大阪市北区中之島1-3-20', '大阪府', '大阪市'],
      ['堺市堺区南瓦町3-1', '大阪府', '堺市'],
      ['神戸市中央区加納町6-5-1', '兵庫県', '神戸市'],
      ['岡山市北区大供1-1-1', '岡山県', '岡山市'],
      ['広島市中区国泰寺町1-6-34', '広島県', '広島市'],
      ['北九州市小倉北区城内1-1', '福岡県', '北九州市'],
      ['福岡市中央区天神1-8-1', '福岡県', '福岡市'],
      ['熊本市中央区手取本町1-1', '熊本県', '熊本市'],
    ])('is inferred from a designated city: %s → %s', (address, prefecture, municipality) => {
      expect(normalizeAddress(address)).toMatchObject({ prefecture, municipality });
    });

    it('is inferred as 東京都 from a special ward that no designated city shares', () => {
      expect(normalizeAddress('新宿区西新宿2-8-1')).toEqual({ full: '東京都新宿区西新宿2-8-1', municipality: '新宿区', prefecture: '東京都' });
      expect(normalizeAddress('千代田区丸の内1-9-1').prefecture).toBe('東京都');
    });

    it.each(['中央区銀座1-1', '港区芝公園4-2-8', '北区王子1-1'])('is not inferred from %s, a ward name designated cities use too', (address) => {
      expect(errorOf(address).reason).toMatch(/also a ward of designated cities/);
    });

    it('is otherwise required', () => {
      const error = errorOf('府中市宮西町2-24', 'subjects[1].address');
      expect(error.field).toBe('subjects[1].address');
      expect(error.reason).toMatch(/does not start with a prefecture/);
    });
  });

  describe('municipality', () => {
    it.each([
      ['神奈川県横浜市中区港町1-1', '横浜市'],
      ['大阪府堺市堺区南瓦町3-1', '堺市'],
      ['東京都千代田区丸の内1-9-1', '千代田区'],
      ['東京都江戸川区中央1-4-1', '江戸川区'],
      ['東京都北区王子本町1-15-22', '北区'],
      ['東京都八王子市元本郷町3-24-1', '八王子市'],
      ['東京都府中市宮西町2-24', '府中市'],
      ['東京都大島町元町1-1-14', '大島町'],
      ['東京都小笠原村父島', '小笠原村'],
      ['東京都八丈島八丈町大賀郷2345-1', '八丈町'],
      ['東京都八丈町大賀郷2345-1', '八丈町'],
      ['東京都三宅島三宅村阿古497', '三宅村'],
      ['北海道虻田郡倶知安町北1条東3丁目', '倶知安町'],
      ['北海道倶知安町北1条東3丁目', '倶知安町'],
      ['長野県北佐久郡軽井沢町大字軽井沢1323-28', '軽井沢町'],
      ['沖縄県国頭郡東村平良804', '東村'],
      ['岐阜県大野郡白川村荻町', '白川村'],
      ['茨城県龍ケ崎市3710', '竜ケ崎市'],
      ['埼玉県鶴ヶ島市三ツ木16-1', '鶴ケ島市'],
      ['広島県府中市府川町315', '府中市'],
    ])('%s → %s', (address, municipality) => {
      expect(normalizeAddress(address).municipality).toBe(municipality);
    });

    describe('names with 市, 町, 村 or 郡 inside (the exception list) or at the start (the rule)', () => {
      it.each([
        ['千葉県市川市八幡1-1-1', '市川市'],
        ['千葉県市原市国分寺台中央1-1-1', '市原市'],
        ['三重県四日市市諏訪町1-5', '四日市市'],
        ['広島県廿日市市下平良1-11-1', '廿日市市'],
        ['石川県野々市市三納1-1', '野々市市'],
        ['栃木県芳賀郡市貝町市塙1280', '市貝町'],
        ['富山県中新川郡上市町法音寺1', '上市町'],
        ['富山県上市町法音寺1', '上市町'],
        ['奈良県吉野郡下市町下市1960', '下市町'],
        ['北海道余市郡余市町朝日町4', '余市町'],
        ['北海道余市町朝日町4', '余市町'],
        ['山梨県西八代郡市川三郷町市川大門1790-3', '市川三郷町'],
        ['兵庫県神崎郡市川町西川辺165-3', '市川町'],
        ['東京都町田市森野2-2-22', '町田市'],
        ['長野県大町市大町3887', '大町市'],
        ['新潟県十日町市千歳町3-3', '十日町市'],
        ['佐賀県杵島郡大町町大町5017', '大町町'],
        ['山形県村山市中央1-3-6', '村山市'],
        ['東京都東村山市本町1-2-3', '東村山市'],
        ['東京都武蔵村山市本町1-1-1', '武蔵村山市'],
        ['長崎県大村市玖島1-25', '大村市'],
        ['東京都羽村市緑ヶ丘5-2-1', '羽村市'],
        ['福島県田村市船引町船引字畑1', '田村市'],
        ['新潟県村上市三之町1-1', '村上市'],
        ['群馬県佐波郡玉村町下新田201', '玉村町'],
        ['宮城県柴田郡村田町村田迫85', '村田町'],
        ['福島県郡山市朝日1-23-7', '郡山市'],
        ['奈良県大和郡山市北郡山町248-4', '大和郡山市'],
        ['愛知県蒲郡市旭町17-1', '蒲郡市'],
        ['岐阜県郡上市八幡町島谷228', '郡上市'],
        ['福岡県小郡市小郡255-1', '小郡市'],
      ])('%s → %s', (address, municipality) => {
        expect(normalizeAddress(address).municipality).toBe(municipality);
      });

      it.each([
        ['福島県田村郡三春町大町1-2', '三春町'],
        ['山形県西村山郡河北町谷地戊81', '河北町'],
        ['山形県北村山郡大石田町緑町1', '大石田町'],
        ['山形県東村山郡山辺町緑ケ丘5', '山辺町'],
        ['奈良県高市郡明日香村岡55', '明日香村'],
        ['北海道余市郡仁木町西町1-36-1', '仁木町'],
      ])('counties: %s → %s', (address, municipality) => {
        expect(normalizeAddress(address).municipality).toBe(municipality);
      });
    });

    it('is required', () => {
      expect(errorOf('東京都').reason).toBe('no municipality (市区町村) after 東京都');
      expect(errorOf('北海道虻田郡').reason).toBe('no town or village (町村) after 北海道虻田郡');
    });
  });

  describe('errors', () => {
    it.each(['', '  ', '\u3000'])('an empty address (%j) is a NormalizationError', (input) => {
      expect(errorOf(input)).toMatchObject({ field: 'address', reason: 'must not be empty or white space only' });
    });

    it('rejects a value that is not a string', () => {
      expect(errorOf(undefined as unknown as string).reason).toBe('must be a string, got undefined');
    });
  });
});

describe('generalizeAddress', () => {
  const address = normalizeAddress('神奈川県横浜市中区日本大通１');

  it('has the levels FULL, MUNICIPALITY, PREFECTURE', () => {
    expect(ADDRESS_LEVELS).toEqual(['FULL', 'MUNICIPALITY', 'PREFECTURE']);
  });

  it.each([
    ['FULL', '神奈川県横浜市中区日本大通1'],
    ['MUNICIPALITY', '神奈川県横浜市'],
    ['PREFECTURE', '神奈川県'],
  ] as const)('%s → %s', (level, expected) => {
    expect(generalizeAddress(address, level)).toBe(expected);
  });

  it('keeps the prefecture at MUNICIPALITY: 府中市 of Tokyo and of Hiroshima differ', () => {
    const tokyo = generalizeAddress(normalizeAddress('東京都府中市宮西町2-24'), 'MUNICIPALITY');
    const hiroshima = generalizeAddress(normalizeAddress('広島県府中市府川町315'), 'MUNICIPALITY');
    expect([tokyo, hiroshima]).toEqual(['東京都府中市', '広島県府中市']);
  });

  it('rejects an unknown level', () => {
    expect(() => generalizeAddress(address, 'BLOCK' as AddressLevel)).toThrow(NormalizationError);
  });
});
