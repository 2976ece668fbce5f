import { MUNICIPALITIES, drawAddress, type Address, type MunicipalityKey } from './addresses.js';
import type { CalendarDate } from './birth-dates.js';
import { drawGivenName, drawSurname, officialSpelling, standardForm, type PersonName } from './names.js';
import { Rng } from './prng.js';
import { DAY, TIMELINE_START, addYears, jstDate, jstMidnight, officeTime, type Seconds } from './time.js';
import { EMPLOYERS, LOCAL_EMPLOYER, type BusinessKey, type EmployerKey, type InsurerKey } from './world.js';

/** The facts of one person's life, drawn before any command: who they are, where they live, what they belong to. */
export interface Profile {
  index: number;
  municipality: MunicipalityKey;
  sex: 'MALE' | 'FEMALE';
  birthDate: CalendarDate;
  /** JST midnight of the birth date. */
  bornAt: Seconds;
  /** Age in whole years on the first day of the timeline (negative for those born later). */
  ageAtStart: number;
  /** The name as the family register spells it (old kanji forms kept). */
  name: PersonName;
  enrollment: 'INITIAL' | 'BIRTH' | 'MOVE_IN';
  enrolledAt: Seconds;
  address: Address;
  employment: 'EMPLOYEE' | 'SELF_EMPLOYED' | 'NONE';
  employer: EmployerKey | null;
  /**
   * The health insurer: a company's or 協会けんぽ, or the municipality's 国民健康保険 ('KOKUHO'); null for children,
   * whose insurance (as dependants) the population leaves out.
   */
  insurer: InsurerKey | 'KOKUHO' | null;
  /** Has taxable income, so a record in the municipality's 個人住民税 file. */
  taxpayer: boolean;
  /** Files a 確定申告 with the 税務署. */
  filesTaxReturn: boolean;
  /** On the 避難行動要支援者名簿. */
  needsEvacuationSupport: boolean;
  /** Holds a My Number card with 電子証明書; when the first certificate was issued (EARLY: the first year). */
  card: { timing: 'EARLY' | 'MID' | 'LATE'; withSignature: boolean } | null;
  memberships: Record<BusinessKey, boolean>;
  /** The My Number leaks and is changed (番号の変更). */
  leak: boolean;
  /** Moves within the municipality (転居), to this address. */
  move: Address | null;
  /** Marries and takes this surname (婚姻による氏の変更). */
  marriage: PersonName['last'] | null;
}

/** Age band weights (5-year bands, 0–4 … 95–99), Japan 2019, in millions. */
const AGE_BANDS = [4.8, 5.1, 5.4, 5.9, 6.3, 6.3, 6.9, 7.7, 8.8, 9.6, 8.4, 7.6, 7.5, 9.3, 8.5, 7.0, 5.4, 3.7, 1.9, 0.5];
const AGE_BANDS_CUMULATIVE = (() => {
  let total = 0;
  return AGE_BANDS.map((w) => (total += w));
})();

const MUNICIPALITY_WEIGHTS: readonly (readonly [MunicipalityKey, number])[] = [
  ['yokohama', 40],
  ['osaka', 28],
  ['sapporo', 22],
  ['chiyoda', 6],
  ['karuizawa', 4],
];

/** Whole years between two JST dates. */
export function ageAt(birth: CalendarDate, t: Seconds): number {
  const d = jstDate(t);
  let age = d.year - birth.year;
  if (d.month < birth.month || (d.month === birth.month && d.day < birth.day)) age--;
  return age;
}

/** The moment someone turns `years` old (JST midnight of that birthday). */
export function birthdayAt(profile: Profile, years: number): Seconds {
  return addYears(profile.bornAt, years);
}

/**
 * Draws the profile of subject `index`. Every value is drawn in a fixed order whatever the branch, so that a plan
 * can override facts afterwards (planted violations) without shifting any other draw.
 */
export function drawProfile(seedHash: number, index: number, asOf: Seconds): Profile {
  const rng = Rng.stream(seedHash, 'profile', index);
  const window = asOf - TIMELINE_START;
  const earlyWindow = Math.floor(window * 0.55);

  const municipality = rng.weighted(MUNICIPALITY_WEIGHTS);
  const sex = rng.chance(0.49) ? 'MALE' : 'FEMALE';
  const band = rng.weightedIndex(AGE_BANDS_CUMULATIVE);
  const yearsOld = band * 5 + rng.int(5);
  const dayInYear = rng.int(365);
  const enrollmentRoll = rng.float();
  const birthInWindow = TIMELINE_START + rng.int(earlyWindow);
  const moveInAt = TIMELINE_START + 90 * DAY + rng.int(Math.max(DAY, earlyWindow - 90 * DAY));

  const enrollment: Profile['enrollment'] = enrollmentRoll < 0.02 ? 'BIRTH' : enrollmentRoll < 0.08 ? 'MOVE_IN' : 'INITIAL';
  let bornAt: Seconds;
  if (enrollment === 'BIRTH') bornAt = jstMidnight(Math.floor((birthInWindow + 9 * 3600) / DAY));
  else bornAt = addYears(TIMELINE_START, -yearsOld) - (dayInYear + 1) * DAY;
  const birthDate = jstDate(bornAt);
  const ageAtStart = ageAt(birthDate, TIMELINE_START);

  const surname = drawSurname(rng);
  const given = drawGivenName(rng, sex);
  const name: PersonName = {
    last: { kanji: officialSpelling(rng, surname.kanji, 0.3), kana: surname.kana },
    first: { kanji: officialSpelling(rng, given.kanji, 0.1), kana: given.kana },
  };

  const enrolledAt =
    enrollment === 'BIRTH'
      ? officeTime(rng, bornAt + 7 * DAY, bornAt + 14 * DAY)
      : enrollment === 'MOVE_IN'
        ? officeTime(rng, moveInAt, moveInAt + 7 * DAY)
        : officeTime(rng, TIMELINE_START, TIMELINE_START + 90 * DAY);

  const m = MUNICIPALITIES[municipality];
  const address = drawAddress(rng, m, standardForm(drawSurname(rng).kanji));

  // Work, insurance and tax.
  const workRoll = rng.float();
  const localEmployerRoll = rng.float();
  const dependentRoll = rng.float();
  const incomeRoll = rng.float();
  const returnRoll = rng.float();
  const supportRoll = rng.float();
  const a = ageAtStart;
  let employment: Profile['employment'] = 'NONE';
  if (a >= 22 && a <= 59) employment = workRoll < 0.7 ? 'EMPLOYEE' : workRoll < 0.8 ? 'SELF_EMPLOYED' : 'NONE';
  else if (a >= 60 && a <= 64) employment = workRoll < 0.55 ? 'EMPLOYEE' : workRoll < 0.67 ? 'SELF_EMPLOYED' : 'NONE';
  else if (a >= 65 && a <= 69) employment = workRoll < 0.3 ? 'EMPLOYEE' : workRoll < 0.42 ? 'SELF_EMPLOYED' : 'NONE';
  else if (a >= 70) employment = workRoll < 0.06 ? 'SELF_EMPLOYED' : 'NONE';
  else if (a >= 18) employment = workRoll < 0.2 ? 'EMPLOYEE' : 'NONE';
  const local = LOCAL_EMPLOYER[municipality];
  const employer: EmployerKey | null = employment === 'EMPLOYEE' ? (localEmployerRoll < 0.65 ? local : 'marunouchi') : null;
  let insurer: Profile['insurer'] = 'KOKUHO';
  if (employer) insurer = EMPLOYERS[employer].insurer;
  else if (a < 18) insurer = null;
  void dependentRoll;
  const taxpayer = employment !== 'NONE' || (a >= 65 ? incomeRoll < 0.85 : a >= 20 ? incomeRoll < 0.2 : false);
  const filesTaxReturn = employment === 'SELF_EMPLOYED' || (a >= 65 && taxpayer && returnRoll < 0.3) || (employment === 'EMPLOYEE' && returnRoll < 0.08);
  const needsEvacuationSupport = a >= 75 ? supportRoll < 0.35 : supportRoll < 0.01;

  // The card and its certificates.
  const cardRoll = rng.float();
  const timingRoll = rng.float();
  const signRoll = rng.float();
  const card: Profile['card'] =
    cardRoll < (a >= 18 ? 0.75 : 0.55)
      ? { timing: timingRoll < 0.2 ? 'EARLY' : timingRoll < 0.75 ? 'MID' : 'LATE', withSignature: a >= 15 && signRoll < 0.25 }
      : null;

  const memberships: Record<BusinessKey, boolean> = {
    pointlink: rng.chance(0.4) && a >= 15,
    smiledrug: rng.chance(0.2) && a >= 18,
    soramobile: rng.chance(0.15) && a >= 18,
    cinemakan: rng.chance(0.03) && a >= 18,
  };

  const leak = rng.chance(0.002);
  const moveRoll = rng.float();
  const moveAddress = drawAddress(rng, m, standardForm(drawSurname(rng).kanji));
  const marriageRoll = rng.float();
  const newSurname = drawSurname(rng);
  const marriage = sex === 'FEMALE' && a >= 20 && a <= 40 && marriageRoll < 0.04 ? { kanji: newSurname.kanji, kana: newSurname.kana } : null;

  return {
    index,
    municipality,
    sex,
    birthDate,
    bornAt,
    ageAtStart,
    name,
    enrollment,
    enrolledAt,
    address,
    employment,
    employer,
    insurer,
    taxpayer,
    filesTaxReturn,
    needsEvacuationSupport,
    card,
    memberships,
    leak,
    move: moveRoll < 0.05 ? moveAddress : null,
    marriage,
  };
}
