import { createHash } from 'node:crypto';
import { COMMANDS, commandEnvelope, isValidMyNumber, type CommandEnvelope } from '#ingestion';
import { normalizeName } from '#normalization';
import { DEFAULT_AS_OF, OLD_NAME_FORMS, VIOLATION_RULES, generatePopulation, toNdjson, type Manifest, type ViolationRule } from './index.js';
import { InMemoryImport } from './testing/in-memory-import.js';
import { RuleChecker } from './testing/rule-checker.js';

type Payload = Record<string, any>;
const payloadOf = (c: CommandEnvelope) => c.payload as Payload;
/** When a command happened (a provision: when provided, else requested). */
const timeOf = (c: CommandEnvelope) => {
  const p = payloadOf(c);
  return Date.parse(p.occurredAt ?? p.providedAt ?? p.requestedAt);
};
const digest = (commands: Iterable<CommandEnvelope>) => {
  const hash = createHash('sha256');
  for (const line of toNdjson(commands)) hash.update(line);
  return hash.digest('hex');
};

/** Imports every command through the real handlers; returns the failures and a rule check of the stream. */
async function importAll(commands: CommandEnvelope[], asOf: string) {
  const importer = new InMemoryImport();
  const checker = new RuleChecker(asOf, (ref) => importer.subjectOf(ref));
  const failures: string[] = [];
  for (const [line, command] of commands.entries()) {
    try {
      await importer.import(command);
    } catch (error) {
      failures.push(`line ${line + 1} ${command.type}: ${(error as Error).message}`);
    }
    checker.observe(command);
  }
  return { importer, checker, failures };
}

/** The planted commands by rule, from the manifest. */
const plantedByRule = (manifest: Manifest) =>
  new Map<ViolationRule, Set<string>>(VIOLATION_RULES.map((rule) => [rule, new Set(manifest.violations.filter((v) => v.rule === rule).flatMap((v) => v.commandIds))]));

describe('generatePopulation — 300 subjects', () => {
  const population = generatePopulation({ subjects: 300, seed: 'himotoki' });
  const commands = [...population.commands];
  const { manifest } = population;
  const records = commands.filter((c) => c.type === 'RegisterRecord').map(payloadOf);
  let imported: Awaited<ReturnType<typeof importAll>>;

  beforeAll(async () => {
    imported = await importAll(commands, manifest.asOf);
  });

  it('makes about 8–12 commands per subject', () => {
    const perSubject = (commands.length - manifest.organizations.length - manifest.datasets.length - manifest.permittedProvisions.length) / 300;
    expect(perSubject).toBeGreaterThanOrEqual(8);
    expect(perSubject).toBeLessThanOrEqual(12);
    const types = new Set(commands.map((c) => c.type));
    // CorrectEvent is an operator's repair of a stored event, not part of anyone's life.
    for (const type of Object.keys(COMMANDS).filter((t) => t !== 'CorrectEvent')) expect(types).toContain(type);
  });

  it('gives commands that pass the envelope and payload schemas', () => {
    const failures: string[] = [];
    for (const command of commands) {
      const envelope = commandEnvelope.safeParse(command);
      const payload = COMMANDS[command.type].payload.safeParse(command.payload);
      if (!envelope.success || !payload.success) failures.push(`${command.type}: ${JSON.stringify(envelope.error ?? payload.error)}`);
    }
    expect(failures).toEqual([]);
    expect(new Set(commands.map((c) => c.commandId)).size).toBe(commands.length);
  });

  it('imports line by line through the real deciders without a single refusal', () => {
    expect(imported.failures).toEqual([]);
    expect(imported.importer.imported).toBe(commands.length);
  });

  it('gives every My Number a valid check digit, wherever it appears', () => {
    const numbers: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        const o = value as Payload;
        if (o.kind === 'MY_NUMBER' && typeof o.value === 'string') numbers.push(o.value.replace(/[\s-]/g, ''));
        Object.values(o).forEach(collect);
      }
    };
    commands.forEach((c) => collect(c.payload));
    expect(numbers.length).toBeGreaterThan(1000);
    expect(numbers.filter((n) => !isValidMyNumber(n))).toEqual([]);
  });

  it('comes in causal order', () => {
    const organizations = new Set<string>();
    const datasets = new Set<string>();
    const recordsSeen = new Set<string>();
    const links = new Map<string, { at: number; cut: boolean }>();
    const consents = new Set<string>();
    const provisions = new Set<string>();
    const problems: string[] = [];
    const orgFields = ['organizationId', 'holderId', 'requesterId', 'providerId', 'issuedBy', 'enrolledBy', 'retiredBy', 'linkedBy', 'releasedBy'];
    for (const c of commands) {
      const p = payloadOf(c);
      for (const field of orgFields) if (c.type !== 'RegisterOrganization' && p[field] && !organizations.has(p[field])) problems.push(`${c.type} names unregistered ${p[field]}`);
      switch (c.type) {
        case 'RegisterOrganization':
          organizations.add(p.organizationId);
          break;
        case 'RegisterDataset':
          datasets.add(p.datasetId);
          break;
        case 'RegisterRecord':
          if (!datasets.has(p.datasetId)) problems.push(`record before its dataset ${p.datasetId}`);
          recordsSeen.add(p.recordId);
          break;
        case 'AccessInformation':
          if (!datasets.has(p.datasetId)) problems.push(`access before its dataset ${p.datasetId}`);
          break;
        case 'LinkRecords':
          for (const r of p.records) if (!recordsSeen.has(r)) problems.push(`tie before record ${r}`);
          links.set(p.linkId, { at: timeOf(c), cut: false });
          break;
        case 'UnlinkRecords': {
          const link = links.get(p.linkId);
          if (!link || link.cut || link.at > timeOf(c)) problems.push(`unlink of ${p.linkId} not after a live link`);
          else link.cut = true;
          break;
        }
        case 'GrantConsent':
          consents.add(p.consentId);
          break;
        case 'WithdrawConsent':
        case 'LinkIdentifierSuccessor': {
          const ref = c.type === 'WithdrawConsent' ? p.consentId : p.consentReference;
          if (ref && !consents.has(ref)) problems.push(`${c.type} before consent ${ref}`);
          break;
        }
        case 'ProvideInformation':
          provisions.add(p.provisionId);
          break;
        case 'ReleaseNonDisclosure':
          if (!provisions.has(p.provisionId)) problems.push(`release before provision ${p.provisionId}`);
          break;
        default:
          break;
      }
    }
    expect(problems).toEqual([]);
    // Setup first: organizations, then permitted provisions, then datasets, then subjects.
    const firstOf = (type: string) => commands.findIndex((c) => c.type === type);
    const lastOf = (type: string) => commands.map((c) => c.type).lastIndexOf(type as CommandEnvelope['type']);
    expect(lastOf('RegisterOrganization')).toBeLessThan(firstOf('RegisterPermittedProvision'));
    expect(lastOf('RegisterPermittedProvision')).toBeLessThan(firstOf('RegisterDataset'));
    expect(lastOf('RegisterDataset')).toBeLessThan(firstOf('EnrollSubject'));
  });

  it('spans the timeline in +09:00, each subject’s commands in time order', () => {
    const from = Date.parse('2019-04-01T00:00:00+09:00');
    const to = Date.parse(manifest.asOf);
    const mass = plantedByRule(manifest).get('STAFF_MASS_ACCESS')!;
    const outOfOrder: string[] = [];
    let last = 0;
    for (const c of commands) {
      const p = payloadOf(c);
      for (const field of ['occurredAt', 'requestedAt', 'providedAt', 'validUntil']) if (typeof p[field] === 'string') expect(p[field]).toMatch(/\+09:00$/);
      const t = timeOf(c);
      expect(t).toBeGreaterThanOrEqual(from);
      expect(t).toBeLessThan(to);
      if (c.type === 'EnrollSubject') last = t;
      else if (c.type !== 'RegisterOrganization' && c.type !== 'RegisterDataset' && c.type !== 'RegisterPermittedProvision' && !mass.has(c.commandId)) {
        if (t < last) outOfOrder.push(`${c.type} ${p.occurredAt}`);
        last = t;
      }
    }
    expect(outOfOrder).toEqual([]);
    const years = new Set(commands.map((c) => new Date(timeOf(c)).getUTCFullYear()));
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) expect(years).toContain(year);
  });

  it('issues JPKI serials valid for 5 years, and renews some with successor links', () => {
    const jpki = commands.filter((c) => c.type === 'IssueIdentifier' && payloadOf(c).identifier.kind === 'JPKI_AUTH_SERIAL').map(payloadOf);
    expect(jpki.length).toBeGreaterThan(100);
    for (const p of jpki) {
      const issued = new Date(p.occurredAt);
      const until = new Date(p.identifier.validUntil);
      expect(until.getUTCFullYear() - issued.getUTCFullYear()).toBe(5);
    }
    expect(commands.filter((c) => c.type === 'RetireIdentifier' && payloadOf(c).reason === 'ROTATED').length).toBeGreaterThan(10);
    expect(commands.filter((c) => c.type === 'LinkIdentifierSuccessor' && payloadOf(c).consentReference).length).toBeGreaterThan(0);
  });

  it('spells basic-4 values differently from dataset to dataset, as real records do', () => {
    const count = (field: string, pattern: RegExp) => records.filter((r) => typeof r.basic4[field] === 'string' && pattern.test(r.basic4[field])).length;
    const withKanji = records.filter((r) => r.basic4.nameKanji).length;
    const oldForm = records.filter((r) => r.basic4.nameKanji && [...(r.basic4.nameKanji as string)].some((ch) => OLD_NAME_FORMS.has(ch))).length;
    expect(oldForm).toBeGreaterThan(withKanji * 0.02);
    expect(count('nameKanji', /　/u)).toBeGreaterThan(100);
    expect(count('nameKanji', / /u)).toBeGreaterThan(50);
    expect(count('nameKanji', /^[^\s　]+$/u)).toBeGreaterThan(20);
    expect(count('nameKana', /[ぁ-ゖ]/u)).toBeGreaterThan(20);
    expect(count('nameKana', /[ｦ-ﾟ]/u)).toBeGreaterThan(20);
    expect(count('nameKana', /^[ァ-ヶー　 ]+$/u)).toBeGreaterThan(100);
    expect(count('birthDate', /^(明治|大正|昭和|平成|令和)/u)).toBeGreaterThan(50);
    expect(count('birthDate', /^[MTSHR][元\d]/u)).toBeGreaterThan(50);
    expect(count('birthDate', /^[明大昭平令][元\d]/u)).toBeGreaterThan(5);
    expect(count('birthDate', /^\d{4}-\d{2}-\d{2}$/u)).toBeGreaterThan(20);
    expect(count('birthDate', /^\d{4}\/\d{1,2}\/\d{1,2}$/u)).toBeGreaterThan(20);
    expect(count('birthDate', /^\d{8}$/u)).toBeGreaterThan(5);
    expect(count('address', /^(横浜市|大阪市|札幌市|千代田区)/u)).toBeGreaterThan(50);
    expect(count('address', /[一二三四五六七八九]丁目/u)).toBeGreaterThan(50);
    expect(count('address', /[0-9０-９]丁目/u)).toBeGreaterThan(20);
    expect(count('address', /ヶ/u)).toBeGreaterThan(0);
    expect(count('address', /[０-９]/u)).toBeGreaterThan(10);
    expect(count('address', /\d[-－‐−ー]\d/u)).toBeGreaterThan(20);
    expect(count('address', /北佐久郡/u)).toBeGreaterThan(0);
    expect(count('sex', /^UNKNOWN$/u)).toBeGreaterThan(0);
  });

  it('lets one subject’s names differ raw across datasets but meet at the VARIANT level', () => {
    const bySubject = new Map<string, string[]>();
    for (const r of records) {
      if (!r.basic4.nameKanji) continue;
      const subject = imported.importer.subjectOf(r.subject)!;
      bySubject.set(subject, [...(bySubject.get(subject) ?? []), r.basic4.nameKanji]);
    }
    let differ = 0;
    let fold = 0;
    for (const names of bySubject.values()) {
      if (new Set(names).size < 2) continue;
      differ++;
      if (new Set(names.map((n) => normalizeName(n, 'VARIANT'))).size === 1) fold++;
    }
    expect(differ).toBeGreaterThan(100);
    expect(fold).toBeGreaterThan(differ * 0.8);
  });

  it('has a JSON-serializable manifest listing at least one violation of each rule', () => {
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
    for (const rule of VIOLATION_RULES) expect(manifest.violationCounts[rule]).toBeGreaterThanOrEqual(1);
    expect(manifest.asOf).toBe(DEFAULT_AS_OF);
    for (const v of manifest.violations) {
      expect(v.commandIds.length).toBeGreaterThan(0);
      expect(v.description.length).toBeGreaterThan(20);
      expect(v.subject === null ? v.rule : v.subject.kind).toBeTruthy();
    }
  });

  it('lists commandIds that exist in the output, of the right type, by the named organization, at the given time', () => {
    const byId = new Map(commands.map((c) => [c.commandId, c]));
    const types: Record<ViolationRule, string[]> = {
      PROVISION_NOT_PERMITTED: ['ProvideInformation'],
      ACCESS_WITHOUT_PURPOSE: ['AccessInformation'],
      ACCESS_PURPOSE_NOT_REGISTERED: ['AccessInformation'],
      TIE_PAST_CUT_OFF: ['LinkRecords'],
      TIE_THROUGH_MY_NUMBER: ['LinkRecords'],
      PRIVATE_DATASET_KEYED_BY_MY_NUMBER: ['RegisterDataset'],
      SUCCESSION_WITHOUT_CONSENT: ['LinkIdentifierSuccessor'],
      STAFF_MASS_ACCESS: ['AccessInformation'],
      REPEATED_DENIED_ACCESS: ['AccessInformation'],
      RETIRED_IDENTIFIER_USED: ['AccessInformation', 'ProvideInformation'],
      MY_NUMBER_OUTSIDE_PERMITTED_USE: ['AccessInformation', 'RegisterRecord'],
    };
    const holderOf = new Map(manifest.datasets.map((d) => [d.datasetId, d.holderId]));
    for (const v of manifest.violations) {
      const listed = v.commandIds.map((id) => byId.get(id));
      expect(listed.every((c) => c !== undefined)).toBe(true);
      for (const c of listed) expect(types[v.rule]).toContain(c!.type);
      const first = listed[0]!;
      const p = payloadOf(first);
      expect([p.organizationId, p.holderId ?? holderOf.get(p.datasetId), p.linkedBy, p.requesterId, p.providerId].filter(Boolean)).toContain(v.organizationId);
      expect(Date.parse(v.occurredAt)).toBe(timeOf(first));
      if (v.subject && p.subject) expect(p.subject).toEqual(v.subject);
    }
  });

  it('plants exactly the listed violations: legitimate traffic meets no rule (incl. no live tie past its cut-off)', () => {
    const found = imported.checker.result();
    const planted = plantedByRule(manifest);
    for (const rule of VIOLATION_RULES) expect({ rule, found: [...found.get(rule)!].sort() }).toEqual({ rule, found: [...planted.get(rule)!].sort() });
  });

  it('ties across organizations mostly through 機関別符号, and cuts most ties', () => {
    const ties = commands.filter((c) => c.type === 'LinkRecords').map(payloadOf);
    const throughAgencyCode = ties.filter((t) => t.key.identifierKind === 'AGENCY_CODE').length;
    expect(throughAgencyCode).toBeGreaterThan(ties.length / 2);
    const cut = commands.filter((c) => c.type === 'UnlinkRecords').length;
    expect(cut).toBeGreaterThan(ties.length / 2);
  });
});

describe('generatePopulation — reproducibility and options', () => {
  it('gives byte-identical output for the same seed, and different output for another', () => {
    const a = generatePopulation({ subjects: 120, seed: 42 });
    const b = generatePopulation({ subjects: 120, seed: 42 });
    const c = generatePopulation({ subjects: 120, seed: 43 });
    expect(digest(a.commands)).toBe(digest(b.commands));
    expect(digest(a.commands)).toBe(digest(a.commands)); // re-iterable
    expect(JSON.stringify(a.manifest)).toBe(JSON.stringify(b.manifest));
    expect(digest(c.commands)).not.toBe(digest(a.commands));
  });

  it('writes NDJSON, one command a line', () => {
    const { commands } = generatePopulation({ subjects: 5, seed: 1 });
    const lines = [...toNdjson(commands)];
    expect(lines.length).toBe([...commands].length);
    for (const line of lines) {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toContain('\n');
      expect(commandEnvelope.parse(JSON.parse(line))).toBeTruthy();
    }
  });

  it('refuses bad options', () => {
    expect(() => generatePopulation({ subjects: 0, seed: 1 })).toThrow(RangeError);
    expect(() => generatePopulation({ subjects: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => generatePopulation({ subjects: 10, seed: 1, asOf: '2021-01-01T00:00:00+09:00' })).toThrow(RangeError);
    expect(() => generatePopulation({ subjects: 10, seed: 1, asOf: 'yesterday' })).toThrow(RangeError);
  });

  it('plants mass access only from 60 subjects, and still imports cleanly when tiny', async () => {
    expect(generatePopulation({ subjects: 59, seed: 5 }).manifest.violationCounts.STAFF_MASS_ACCESS).toBe(0);
    const sixty = generatePopulation({ subjects: 60, seed: 5 });
    expect(sixty.manifest.violationCounts.STAFF_MASS_ACCESS).toBe(1);
    const mass = sixty.manifest.violations.find((v) => v.rule === 'STAFF_MASS_ACCESS')!;
    expect(new Set(mass.subjects.map((s) => s.value)).size).toBeGreaterThan(50);
    const one = generatePopulation({ subjects: 1, seed: 5 });
    expect(one.manifest.violations.map((v) => v.rule)).toEqual(['PRIVATE_DATASET_KEYED_BY_MY_NUMBER']);
    const result = await importAll([...sixty.commands], sixty.manifest.asOf);
    expect(result.failures).toEqual([]);
    const found = result.checker.result();
    expect([...found.get('STAFF_MASS_ACCESS')!].sort()).toEqual([...mass.commandIds].sort());
  });

  it('ends the timeline at another asOf, and judges ties there', async () => {
    const asOf = '2027-10-01T00:00:00+09:00';
    const { commands, manifest } = generatePopulation({ subjects: 150, seed: 'later', asOf });
    const list = [...commands];
    expect(list.every((c) => timeOf(c) < Date.parse(asOf))).toBe(true);
    const { failures, checker } = await importAll(list, manifest.asOf);
    expect(failures).toEqual([]);
    const found = checker.result();
    const planted = plantedByRule(manifest);
    for (const rule of VIOLATION_RULES) expect([...found.get(rule)!].sort()).toEqual([...planted.get(rule)!].sort());
  });
});
