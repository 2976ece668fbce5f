/**
 * 特定個人情報保護評価のしきい値判断 — which privacy impact assessment a specific personal information file
 * (特定個人情報ファイル) calls for, from the people it covers (対象人数), the staff who handle it (取扱者数) and
 * serious incidents in the past year (過去1年以内の重大事故). Source: 特定個人情報保護評価指針 (平成26年特定個人情報
 * 保護委員会告示第4号) 第5の2「しきい値判断」.
 */
export const PIA_THRESHOLDS = {
  /** Under this many people, no assessment is required. */
  requiredFrom: 1_000,
  /** From here, staff and incidents decide whether a focused (重点項目) assessment is added. */
  focusedConsideredFrom: 10_000,
  /** From here, staff and incidents decide between the focused and the full (全項目) assessment. */
  fullConsideredFrom: 100_000,
  /** From here, the full assessment is always required. */
  fullAlwaysFrom: 300_000,
  /** 取扱者数 at or above which the heavier assessment applies. */
  staff: 500,
} as const;

export type PiaLevel = 'NOT_APPLICABLE' | 'NOT_REQUIRED' | 'BASIC' | 'BASIC_AND_FOCUSED' | 'BASIC_AND_FULL';

/** The assessments (評価書) each level asks for, as the 指針 names them. */
export const PIA_ASSESSMENTS: Record<PiaLevel, string[]> = {
  NOT_APPLICABLE: [],
  NOT_REQUIRED: [],
  BASIC: ['基礎項目評価'],
  BASIC_AND_FOCUSED: ['基礎項目評価', '重点項目評価'],
  BASIC_AND_FULL: ['基礎項目評価', '全項目評価'],
};

/** The rules applied, in words, for the report to state beside its results. */
export const PIA_RULES: readonly string[] = [
  `対象人数 ${PIA_THRESHOLDS.requiredFrom.toLocaleString('en')} 人未満: 義務付けなし (not required)`,
  `${PIA_THRESHOLDS.requiredFrom.toLocaleString('en')}–${(PIA_THRESHOLDS.focusedConsideredFrom - 1).toLocaleString('en')} 人: 基礎項目評価`,
  `${PIA_THRESHOLDS.focusedConsideredFrom.toLocaleString('en')}–${(PIA_THRESHOLDS.fullConsideredFrom - 1).toLocaleString('en')} 人: 取扱者数 ${PIA_THRESHOLDS.staff} 人以上 または 過去1年以内の重大事故 → 基礎項目評価 + 重点項目評価; それ以外 → 基礎項目評価`,
  `${PIA_THRESHOLDS.fullConsideredFrom.toLocaleString('en')}–${(PIA_THRESHOLDS.fullAlwaysFrom - 1).toLocaleString('en')} 人: 取扱者数 ${PIA_THRESHOLDS.staff} 人以上 または 過去1年以内の重大事故 → 基礎項目評価 + 全項目評価; それ以外 → 基礎項目評価 + 重点項目評価`,
  `${PIA_THRESHOLDS.fullAlwaysFrom.toLocaleString('en')} 人以上: 基礎項目評価 + 全項目評価`,
];

export const PIA_SOURCE = '特定個人情報保護評価指針(平成26年特定個人情報保護委員会告示第4号)第5の2「しきい値判断」';

export interface PiaFacts {
  /** Whether the dataset holds the My Number (a 特定個人情報ファイル); only those are assessed. */
  specificPersonalInformationFile: boolean;
  peopleCovered: number;
  staffWithAccess: number;
  seriousIncidentsPastYear: number;
}

export interface PiaDecision {
  level: PiaLevel;
  assessments: string[];
  reason: string;
}

export function piaLevel(facts: PiaFacts): PiaDecision {
  const t = PIA_THRESHOLDS;
  const people = `${facts.peopleCovered.toLocaleString('en')} people`;
  if (!facts.specificPersonalInformationFile) return decision('NOT_APPLICABLE', 'not keyed by the My Number: not a 特定個人情報ファイル');
  if (facts.peopleCovered < t.requiredFrom) return decision('NOT_REQUIRED', `${people}, under ${t.requiredFrom.toLocaleString('en')}`);
  if (facts.peopleCovered < t.focusedConsideredFrom) return decision('BASIC', `${people}, ${t.requiredFrom.toLocaleString('en')}–${(t.focusedConsideredFrom - 1).toLocaleString('en')}`);
  if (facts.peopleCovered >= t.fullAlwaysFrom) return decision('BASIC_AND_FULL', `${people}, ${t.fullAlwaysFrom.toLocaleString('en')} or more`);
  const heavier = facts.staffWithAccess >= t.staff || facts.seriousIncidentsPastYear > 0;
  const why = heavier
    ? [facts.staffWithAccess >= t.staff ? `${facts.staffWithAccess} staff (≥ ${t.staff})` : '', facts.seriousIncidentsPastYear > 0 ? `${facts.seriousIncidentsPastYear} serious incident(s) in the past year` : '']
        .filter(Boolean)
        .join(' and ')
    : `${facts.staffWithAccess} staff (< ${t.staff}) and no serious incident in the past year`;
  if (facts.peopleCovered < t.fullConsideredFrom) return decision(heavier ? 'BASIC_AND_FOCUSED' : 'BASIC', `${people}; ${why}`);
  return decision(heavier ? 'BASIC_AND_FULL' : 'BASIC_AND_FOCUSED', `${people}; ${why}`);
}

function decision(level: PiaLevel, reason: string): PiaDecision {
  return { level, assessments: PIA_ASSESSMENTS[level], reason };
}
