import { generatePopulation, VIOLATION_RULES, type PlantedViolation } from '#synthetic-population';
import { RuleChecker } from '../../libs/synthetic-population/src/testing/rule-checker.js';
import { FINDING_RULE_NAMES, type Finding } from '#findings';
import { EVENT_STORE } from '#event-store';
import { LogInsider } from '#event-store-postgres/testing';
import { ProjectionRunner, rebuildProjection } from '#projections';
import { allFindings, commandsOfEvents } from '../support/findings.js';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { readModelHash, settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const population = generatePopulation({ subjects: 400, seed: 'findings' });
const { manifest } = population;

/** When a command happened (a provision: when provided, else when requested). */
const timeOf = (payload: Record<string, unknown>) => Date.parse((payload.occurredAt ?? payload.providedAt ?? payload.requestedAt) as string);

describe(`findings over a generated population on ${backendName}`, () => {
  let f: IngestionFixture;
  let commandOf: Map<string, string>;
  const commandsOf = (finding: Finding) => finding.events.map((e) => commandOf.get(e.eventId)!).sort();

  beforeAll(async () => {
    f = await IngestionFixture.start();
    await f.importCommands(population.commands);
    await settled(f.context.get(ProjectionRunner));
    commandOf = await commandsOfEvents(f);
  }, 1_500_000);
  afterAll(() => f?.close());

  it('uses the rule names of the manifest', () => {
    expect([...FINDING_RULE_NAMES].sort()).toEqual([...VIOLATION_RULES].sort());
  });

  it("finds every planted violation and nothing else as of the generator's asOf, with its organization and subject", async () => {
    const found = await allFindings(f, { asOf: manifest.asOf });
    const subjectOf = new Map((await new LogInsider(f.database.pool).storedEvents()).map((e) => [e.event_id, (e.data.subjectId ?? (e.data.subjects as string[] | undefined)?.[0] ?? null) as string | null]));
    const key = (rule: string, organizationId: string, commands: string[]) => `${rule} ${organizationId} ${[...commands].sort().join(',')}`;
    const planted = manifest.violations.map((v: PlantedViolation) => key(v.rule, v.organizationId, v.commandIds)).sort();
    expect(found.map((x) => key(x.rule, x.organizationId, commandsOf(x))).sort()).toEqual(planted);
    for (const rule of VIOLATION_RULES) expect(found.filter((x) => x.rule === rule).length).toBe(manifest.violationCounts[rule]);
    // The subject is the one the violating event names (a tie: its first record's); a staff episode's when it reached only one.
    for (const x of found) {
      if (x.subjectId) expect(x.subjectIds).toContain(x.subjectId);
      if (x.rule === 'STAFF_MASS_ACCESS') expect(x.subjectIds.length).toBeGreaterThan(50);
      if (x.rule === 'PRIVATE_DATASET_KEYED_BY_MY_NUMBER') expect(x.subjectIds).toEqual([]);
      else if (x.rule === 'STAFF_MASS_ACCESS' || x.rule === 'REPEATED_DENIED_ACCESS') expect(x.subjectId).toBe(x.subjectIds.length === 1 ? x.subjectIds[0] : null);
      else expect(x.subjectId).toBe(subjectOf.get(x.events[0]!.eventId));
    }
  });

  it('as of earlier times — before, at and after a tie cut-off — agrees with an independent check of the commands up to then', async () => {
    const cutOffs = manifest.violations.filter((v) => v.rule === 'TIE_PAST_CUT_OFF').map((v) => Date.parse(String(v.details!.expectedCutOffAt))).sort((a, b) => a - b);
    expect(cutOffs.length).toBeGreaterThan(0);
    const first = cutOffs[0]!;
    const start = Date.parse(manifest.timeline.from);
    for (const at of [start + (first - start) / 2, first - 1, first, first + 1]) {
      const asOf = new Date(at).toISOString();
      const checker = new RuleChecker(asOf);
      for (const command of population.commands) if (timeOf(command.payload as Record<string, unknown>) <= at) checker.observe(command);
      const expected = checker.result();
      const found = await allFindings(f, { asOf });
      for (const rule of VIOLATION_RULES) {
        const commands = new Set(found.filter((x) => x.rule === rule).flatMap(commandsOf));
        expect({ rule, asOf, commands: [...commands].sort() }).toEqual({ rule, asOf, commands: [...expected.get(rule)!].sort() });
      }
      const tiesPast = found.filter((x) => x.rule === 'TIE_PAST_CUT_OFF').length;
      expect(tiesPast).toBe(at > first ? cutOffs.filter((c) => c < at).length : 0);
    }
  });

  it('a rebuild in small batches equals what live processing built (staff episodes assembled across batches)', async () => {
    const live = await readModelHash(f.database.pool);
    const runner = f.context.get(ProjectionRunner);
    const findings = runner.projections.find((p) => p.name === 'findings')!;
    await rebuildProjection(f.database.pool, f.context.get(EVENT_STORE), runner, findings, { batchSize: 7 });
    expect(await readModelHash(f.database.pool)).toBe(live);
  }, 300_000);
});
