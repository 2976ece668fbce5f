import type { IdentifierKind } from '#vocabulary';
import { drawProfile, type Profile } from './profile.js';
import { Rng } from './prng.js';
import { DAY, HOUR, TIMELINE_START, officeTime, type Seconds } from './time.js';

/** The compliance rules a planted violation breaks, by the names the findings use. */
export const VIOLATION_RULES = [
  'PROVISION_NOT_PERMITTED',
  'ACCESS_WITHOUT_PURPOSE',
  'ACCESS_PURPOSE_NOT_REGISTERED',
  'TIE_PAST_CUT_OFF',
  'TIE_THROUGH_MY_NUMBER',
  'PRIVATE_DATASET_KEYED_BY_MY_NUMBER',
  'SUCCESSION_WITHOUT_CONSENT',
  'STAFF_MASS_ACCESS',
  'REPEATED_DENIED_ACCESS',
  'RETIRED_IDENTIFIER_USED',
  'MY_NUMBER_OUTSIDE_PERMITTED_USE',
] as const;
export type ViolationRule = (typeof VIOLATION_RULES)[number];

/** What each rule means, as the generator applies it (and as a findings projection can check it). */
export const RULE_DEFINITIONS: Readonly<Record<ViolationRule, string>> = {
  PROVISION_NOT_PERMITTED:
    'A ProvideInformation whose (requesterId, providerId, procedure) matches no RegisterPermittedProvision row, or whose items are not all among the items of the row it matches. It is booked to both parties: the provider (My Number Act art. 19) and the requester (art. 20).',
  ACCESS_WITHOUT_PURPOSE: 'An AccessInformation whose purpose is null.',
  ACCESS_PURPOSE_NOT_REGISTERED: 'An AccessInformation whose purpose is not null and differs from the purpose its dataset was registered with (RegisterDataset.purpose).',
  TIE_PAST_CUT_OFF: 'A LinkRecords whose expectedCutOffAt is before asOf and whose tie was not cut (no UnlinkRecords) by then.',
  TIE_THROUGH_MY_NUMBER: "A LinkRecords whose key is { by: 'IDENTIFIER', identifierKind: 'MY_NUMBER' } between records of datasets held by different organizations.",
  PRIVATE_DATASET_KEYED_BY_MY_NUMBER: 'A RegisterDataset with domain PRIVATE whose keyedBy includes MY_NUMBER.',
  SUCCESSION_WITHOUT_CONSENT: 'A LinkIdentifierSuccessor whose consentReference is null.',
  STAFF_MASS_ACCESS:
    'One staff code (staff codes are unique across organizations) naming more than 50 distinct subjects in AccessInformation commands within one hour.',
  REPEATED_DENIED_ACCESS: 'One staff code with 5 or more AccessInformation commands with outcome DENIED within 24 hours.',
  RETIRED_IDENTIFIER_USED:
    'An AccessInformation or ProvideInformation that names its subject by an identifier that an earlier RetireIdentifier retired with reason LEAKED.',
  MY_NUMBER_OUTSIDE_PERMITTED_USE:
    'An AccessInformation naming its subject by MY_NUMBER in a dataset of domain PRIVATE, or by an organization of kind PRIVATE_BUSINESS registered for none of TAX, SOCIAL_SECURITY, DISASTER in a dataset not registered for one of those; a ProvideInformation naming its subject by MY_NUMBER, booked to each party that is such a business; a RegisterRecord whose identifiers include a MY_NUMBER in such a dataset (or of such a holder) whose keyedBy does not include MY_NUMBER.',
};

/** An identifier as a command names a subject. */
export interface IdentifierRef {
  kind: IdentifierKind;
  value: string;
  scope?: string;
}

/** One planted violation, as the manifest lists it. */
export interface PlantedViolation {
  rule: ViolationRule;
  /** The command(s) that constitute it, in stream order. */
  commandIds: string[];
  /** The organization that committed it. */
  organizationId: string;
  /** The subject, as the identifier input the violating command used (for a tie: the tying organization's record); null for a dataset. */
  subject: IdentifierRef | null;
  /** Every subject involved (several for STAFF_MASS_ACCESS). */
  subjects: IdentifierRef[];
  /** When the (first) violating command happened. */
  occurredAt: string;
  description: string;
  details?: Record<string, string | number | boolean | null>;
}

/** Subject-level rules: each planted on one subject, inside that subject's life. */
export const SUBJECT_RULES = [
  'PROVISION_NOT_PERMITTED',
  'ACCESS_WITHOUT_PURPOSE',
  'ACCESS_PURPOSE_NOT_REGISTERED',
  'TIE_PAST_CUT_OFF',
  'TIE_THROUGH_MY_NUMBER',
  'SUCCESSION_WITHOUT_CONSENT',
  'REPEATED_DENIED_ACCESS',
  'RETIRED_IDENTIFIER_USED',
  'MY_NUMBER_OUTSIDE_PERMITTED_USE',
] as const satisfies readonly ViolationRule[];
export type SubjectRule = (typeof SUBJECT_RULES)[number];

export interface SubjectPlant {
  rule: SubjectRule;
  /** 0, 1, 2 … within the rule (alternates the variants). */
  ordinal: number;
  /** Unique across all planted violations: numbers the reserved staff codes. */
  serial: number;
}

/** One staff member looking up more than 50 people through a 住基ネット terminal within an hour. */
export interface MassAccessEpisode {
  ordinal: number;
  serial: number;
  /** Subjects [first, first + count) are accessed; the episode is emitted after subject first + count − 1. */
  first: number;
  count: number;
  startsAt: Seconds;
}

export interface ViolationPlan {
  bySubject: ReadonlyMap<number, SubjectPlant>;
  massAccess: readonly MassAccessEpisode[];
  /** The PRIVATE dataset keyed by My Number is registered in every population. */
  privateDatasetKeyedByMyNumber: boolean;
}

/** How many of a subject-level rule to plant: ~√(n/100), at least one from 100 subjects, one from 20. */
export function plantCount(subjects: number): number {
  if (subjects < 20) return 0;
  if (subjects < 100) return 1;
  return Math.max(1, Math.round(Math.sqrt(subjects / 100)));
}

/** Mass-access episodes: none below 60 subjects (an episode needs 51 distinct people), then about half as many. */
export function massAccessCount(subjects: number): number {
  if (subjects < 60) return 0;
  if (subjects < 100) return 1;
  return Math.max(1, Math.round(Math.sqrt(subjects / 100) / 2));
}

const ELIGIBLE: Readonly<Record<SubjectRule, (p: Profile) => boolean>> = {
  PROVISION_NOT_PERMITTED: (p) => p.enrollment !== 'BIRTH' && p.ageAtStart >= 20,
  ACCESS_WITHOUT_PURPOSE: () => true,
  ACCESS_PURPOSE_NOT_REGISTERED: () => true,
  TIE_PAST_CUT_OFF: (p) => p.enrollment !== 'BIRTH' && (p.ageAtStart >= 65 || p.employment === 'EMPLOYEE'),
  TIE_THROUGH_MY_NUMBER: (p) => p.employment === 'EMPLOYEE' && p.ageAtStart >= 20,
  SUCCESSION_WITHOUT_CONSENT: (p) => p.enrollment === 'INITIAL' && p.ageAtStart >= 18 && p.ageAtStart <= 75,
  REPEATED_DENIED_ACCESS: (p) => p.enrollment !== 'BIRTH' && p.ageAtStart >= 20,
  RETIRED_IDENTIFIER_USED: (p) => p.enrollment === 'INITIAL' && p.employment === 'EMPLOYEE',
  MY_NUMBER_OUTSIDE_PERMITTED_USE: (p) => p.enrollment === 'INITIAL' && p.ageAtStart >= 20,
};

/** Rules planted after the mass-access episodes, from a stream of their own, so that the earlier plans stay as they were. */
const LATER_SUBJECT_RULES: readonly SubjectRule[] = ['MY_NUMBER_OUTSIDE_PERMITTED_USE'];

/**
 * Chooses who carries each planted violation: for rule r and ordinal j, a start spread over the population, then the
 * first eligible subject from there who carries no other. Pure: depends on (seed, subjects, asOf) only.
 */
export function planViolations(seedHash: number, subjects: number, asOf: Seconds): ViolationPlan {
  const rng = Rng.stream(seedHash, 'plan', 0);
  const bySubject = new Map<number, SubjectPlant>();
  let serial = 0;
  const count = plantCount(subjects);
  const plant = (rule: SubjectRule, draw: Rng) => {
    for (let ordinal = 0; ordinal < count; ordinal++) {
      const start = Math.floor(((ordinal + draw.float()) / count) * subjects) % subjects;
      for (let k = 0; k < subjects; k++) {
        const index = (start + k) % subjects;
        if (bySubject.has(index)) continue;
        if (!ELIGIBLE[rule](drawProfile(seedHash, index, asOf))) continue;
        bySubject.set(index, { rule, ordinal, serial: serial++ });
        break;
      }
    }
  };
  for (const rule of SUBJECT_RULES) if (!LATER_SUBJECT_RULES.includes(rule)) plant(rule, rng);
  const window = asOf - TIMELINE_START;
  const massAccess: MassAccessEpisode[] = [];
  for (let ordinal = 0; ordinal < massAccessCount(subjects); ordinal++) {
    const people = 51 + rng.int(8);
    const first = rng.int(subjects - people + 1);
    const startsAt = officeTime(rng, TIMELINE_START + Math.floor(window * 0.7), asOf - 2 * DAY);
    massAccess.push({ ordinal, serial: serial++, first, count: people, startsAt: Math.min(startsAt, asOf - 3 * HOUR) });
  }
  for (const rule of LATER_SUBJECT_RULES) plant(rule, Rng.stream(seedHash, `plan-${rule}`, 0));
  return { bySubject, massAccess, privateDatasetKeyedByMyNumber: true };
}

/** The facts a planted violation needs (a taxpayer, a card renewed in the window, a leaked number …). */
export function applyPlant(profile: Profile, plant: SubjectPlant | undefined): Profile {
  if (!plant) return profile;
  const p: Profile = { ...profile, leak: false };
  switch (plant.rule) {
    case 'PROVISION_NOT_PERMITTED':
    case 'TIE_PAST_CUT_OFF':
    case 'TIE_THROUGH_MY_NUMBER':
    case 'REPEATED_DENIED_ACCESS':
      p.taxpayer = true;
      break;
    case 'SUCCESSION_WITHOUT_CONSENT':
      p.card = { timing: 'EARLY', withSignature: profile.card?.withSignature ?? true };
      p.memberships = { ...profile.memberships, soramobile: true };
      break;
    case 'RETIRED_IDENTIFIER_USED':
      p.leak = true;
      break;
    default:
      break;
  }
  return p;
}
