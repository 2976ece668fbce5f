/** 都道府県 — the 47 prefectures, in the order of their JIS X 0401 codes (01 北海道 … 47 沖縄県). */
export const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県',
  '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県',
  '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県',
  '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県',
  '徳島県', '香川県', '愛媛県', '高知県',
  '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;

export type Prefecture = (typeof PREFECTURES)[number];

/**
 * 政令指定都市 — the 20 designated cities (as of 2024) and their prefectures. Their wards (行政区) are not
 * municipalities: an address in 横浜市中区 belongs to the municipality 横浜市.
 */
export const DESIGNATED_CITIES: readonly { city: string; prefecture: Prefecture }[] = [
  { city: '札幌市', prefecture: '北海道' },
  { city: '仙台市', prefecture: '宮城県' },
  { city: 'さいたま市', prefecture: '埼玉県' },
  { city: '千葉市', prefecture: '千葉県' },
  { city: '横浜市', prefecture: '神奈川県' },
  { city: '川崎市', prefecture: '神奈川県' },
  { city: '相模原市', prefecture: '神奈川県' },
  { city: '新潟市', prefecture: '新潟県' },
  { city: '静岡市', prefecture: '静岡県' },
  { city: '浜松市', prefecture: '静岡県' },
  { city: '名古屋市', prefecture: '愛知県' },
  { city: '京都市', prefecture: '京都府' },
  { city: '大阪市', prefecture: '大阪府' },
  { city: '堺市', prefecture: '大阪府' },
  { city: '神戸市', prefecture: '兵庫県' },
  { city: '岡山市', prefecture: '岡山県' },
  { city: '広島市', prefecture: '広島県' },
  { city: '北九州市', prefecture: '福岡県' },
  { city: '福岡市', prefecture: '福岡県' },
  { city: '熊本市', prefecture: '熊本県' },
];

/** 東京都の特別区 — Tokyo's 23 special wards. Unlike the wards of a designated city, each is a municipality. */
export const TOKYO_SPECIAL_WARDS = [
  '千代田区', '中央区', '港区', '新宿区', '文京区', '台東区', '墨田区', '江東区', '品川区', '目黒区', '大田区', '世田谷区',
  '渋谷区', '中野区', '杉並区', '豊島区', '北区', '荒川区', '板橋区', '練馬区', '足立区', '葛飾区', '江戸川区',
] as const;

/**
 * Special-ward names that designated cities also give to wards (札幌市中央区, 名古屋市港区, 京都市北区 …): an
 * address that starts with one of them and no prefecture does not say it is in Tokyo.
 */
export const WARD_NAMES_SHARED_WITH_DESIGNATED_CITIES: readonly string[] = ['中央区', '港区', '北区'];
