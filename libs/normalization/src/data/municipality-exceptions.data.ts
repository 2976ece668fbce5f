/**
 * Exceptions to the rule that a municipality (市区町村) name runs to the first 市, 町 or 村 after its first
 * character, and a county (郡) name to the first 郡 — names with one of those characters inside. Names that only
 * start with one (市川市, 町田市, 村山市, 郡山市 …) follow the rule and are not listed; the spec checks that the rule
 * would cut every listed name short, and tests each.
 */

/** Cities and towns with 市, 町, 村 or 郡 after their first character and before their last. */
export const MUNICIPALITIES_WITH_SUFFIX_INSIDE: readonly string[] = [
  // 市 inside
  '四日市市', // 三重県
  '廿日市市', // 広島県
  '野々市市', // 石川県
  '上市町', // 富山県中新川郡
  '下市町', // 奈良県吉野郡
  '余市町', // 北海道余市郡
  // 町 inside
  '大町市', // 長野県
  '十日町市', // 新潟県
  '大町町', // 佐賀県杵島郡
  // 村 inside
  '東村山市', // 東京都
  '武蔵村山市', // 東京都
  '大村市', // 長崎県
  '羽村市', // 東京都
  '田村市', // 福島県
  '玉村町', // 群馬県佐波郡
  // 郡 inside
  '大和郡山市', // 奈良県
  '蒲郡市', // 愛知県
  '小郡市', // 福岡県
];

/** Counties (郡) with 市 or 村 inside their name. */
export const COUNTIES_WITH_SUFFIX_INSIDE: readonly string[] = [
  '余市郡', // 北海道: 余市町, 仁木町, 赤井川村
  '田村郡', // 福島県: 三春町, 小野町
  '西村山郡', // 山形県: 河北町, 西川町, 朝日町, 大江町
  '北村山郡', // 山形県: 大石田町
  '東村山郡', // 山形県: 山辺町, 中山町
  '高市郡', // 奈良県: 高取町, 明日香村
];

/**
 * Island names that Tokyo addresses write before the town, where other prefectures write the county:
 * 東京都八丈島八丈町, 東京都三宅島三宅村. Skipped like a county.
 */
export const TOKYO_ISLAND_PREFIXES: readonly string[] = ['八丈島', '三宅島'];
