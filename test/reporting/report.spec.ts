import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { EVENT_STORE } from '#event-store';
import { LogInsider } from '#event-store-postgres/testing';
import { FindingQueries } from '#findings';
import { ProjectionRunner } from '#projections';
import { ExposureQueries } from '#exposure';
import { ComplianceReports, ExposureReadModelSource, FindingsReadModelSource, ReportingQueries, ReportInputError, renderReportHtml, type ComplianceReport } from '#reporting';
import { generatePopulation } from '#synthetic-population';
import { reportOptions, writeReport } from '../../apps/cli/src/report.js';
import { IngestionFixture } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserAvailable = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!browserAvailable) console.warn(`skipping the report's browser test: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
const SCREENSHOT = join(process.cwd(), 'docs/report-screenshot.png');

/** FY2024 (令和6年度) in Japan time: the generated timeline ends on 2025-04-01. */
const FROM = '2024-04-01';
const TO = '2025-04-01';
const from = new Date('2024-04-01T00:00:00+09:00');
const to = new Date('2025-04-01T00:00:00+09:00');

describe(`the compliance report on ${backendName}`, () => {
  let f: IngestionFixture;
  let reports: ComplianceReports;
  let report: ComplianceReport;
  /** Counts straight from the event log (a copy of it as stored, in oracle.events), in the period. */
  const inPeriod = `(data->>'occurredAt')::timestamptz >= $1 AND (data->>'occurredAt')::timestamptz < $2`;
  const count = async (sql: string, values: unknown[] = [from, to]) => Number((await f.database.pool.query(sql, values)).rows[0].n);
  const events = (type: string, extra = '') => count(`SELECT count(*) AS n FROM oracle.events WHERE event_type = '${type}' AND ${inPeriod} ${extra}`);

  beforeAll(async () => {
    f = await IngestionFixture.start();
    await f.importCommands(generatePopulation({ subjects: 150, seed: 'report' }).commands);
    await settled(f.context.get(ProjectionRunner));
    await new LogInsider(f.database.pool).copyInto('oracle.events');
    reports = new ComplianceReports(new ReportingQueries(f.database.pool), { findings: new FindingsReadModelSource(f.context.get(FindingQueries), f.context.get(EVENT_STORE)), exposure: new ExposureReadModelSource(new ExposureQueries(f.database.pool)) }, () => new Date('2025-04-02T09:00:00+09:00'));
    report = await reports.report({ from: FROM, to: TO });
  }, 900_000);
  afterAll(() => f?.close());

  it('counts provisions, refusals, non-disclosed records, ties, cuts and accesses as the events do', async () => {
    const expected = {
      provisions: await events('InformationProvided'),
      provisionsRefused: await events('InformationProvided', `AND data->>'outcome' = 'REFUSED'`),
      provisionsNoData: await events('InformationProvided', `AND data->>'outcome' = 'NO_DATA'`),
      nonDisclosed: await events('InformationProvided', `AND (data->>'nonDisclosure')::boolean AND NOT EXISTS (
        SELECT 1 FROM oracle.events r WHERE r.event_type = 'NonDisclosureReleased' AND r.data->>'provisionId' = events.data->>'provisionId')`),
      ties: await events('RecordsLinked'),
      cuts: await events('RecordsUnlinked'),
      accesses: await events('InformationAccessed'),
      accessesDenied: await events('InformationAccessed', `AND data->>'outcome' = 'DENIED'`),
    };
    expect(report.activity.totals).toEqual(expected);
    expect(expected.provisions).toBeGreaterThan(10);
    expect(expected.accesses).toBeGreaterThan(10);
    expect(expected.ties).toBeGreaterThan(0);
  });

  it('counts each month (Japan time) and each organization as the events do', async () => {
    const { rows } = await f.database.pool.query(
      `SELECT to_char((data->>'occurredAt')::timestamptz AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS month,
              count(*) FILTER (WHERE event_type = 'InformationProvided')::int AS provisions, count(*) FILTER (WHERE event_type = 'RecordsLinked')::int AS ties,
              count(*) FILTER (WHERE event_type = 'RecordsUnlinked')::int AS cuts, count(*) FILTER (WHERE event_type = 'InformationAccessed')::int AS accesses
         FROM oracle.events WHERE event_type IN ('InformationProvided', 'RecordsLinked', 'RecordsUnlinked', 'InformationAccessed') AND ${inPeriod}
        GROUP BY 1 ORDER BY 1`,
      [from, to],
    );
    expect(report.activity.months).toEqual(rows);
    expect(rows).toHaveLength(12);
    const accessesBy = (await f.database.pool.query(
      `SELECT data->>'organizationId' AS id, count(*)::int AS n FROM oracle.events WHERE event_type = 'InformationAccessed' AND ${inPeriod} GROUP BY 1`, [from, to])).rows;
    const reported = new Map<string, number>();
    for (const r of report.activity.rows.filter((r) => r.kind === 'ACCESS')) reported.set(r.organization.id, (reported.get(r.organization.id) ?? 0) + r.count);
    expect(Object.fromEntries(reported)).toEqual(Object.fromEntries(accessesBy.map((r) => [r.id, r.n])));
  });

  it('finds the live and overdue ties at the end of the period, and every tie cut in it, as the events do', async () => {
    const ties = `FROM oracle.events l WHERE l.event_type = 'RecordsLinked' AND (l.data->>'occurredAt')::timestamptz < $2 AND NOT EXISTS (
      SELECT 1 FROM oracle.events u WHERE u.event_type = 'RecordsUnlinked' AND u.data->>'linkId' = l.data->>'linkId' AND (u.data->>'occurredAt')::timestamptz < $2)`;
    const live = await count(`SELECT count(*) AS n ${ties} AND $1::timestamptz IS NOT NULL`);
    const overdue = await count(`SELECT count(*) AS n ${ties} AND (l.data->>'expectedCutOffAt')::timestamptz < $2 AND $1::timestamptz IS NOT NULL`);
    expect(report.tieHygiene).toMatchObject({ liveTies: live, overdueTies: overdue, tiesMadeInPeriod: await events('RecordsLinked'), tiesCutInPeriod: await events('RecordsUnlinked') });
    expect(report.tieHygiene.overdue).toHaveLength(overdue);
    expect(overdue).toBeGreaterThan(0);
    expect(report.tieHygiene.lifetimes.reduce((n, b) => n + b.cutInPeriod, 0)).toBe(report.tieHygiene.tiesCutInPeriod);
    expect(report.tieHygiene.lifetimes.reduce((n, b) => n + b.live, 0)).toBe(live);
  });

  it('states the PIA inputs of every dataset as the events give them', async () => {
    const people = (await f.database.pool.query(
      `SELECT data->>'datasetId' AS id, count(DISTINCT data->>'subjectId')::int AS n FROM oracle.events
        WHERE event_type = 'RecordRegistered' AND (data->>'occurredAt')::timestamptz < $1 GROUP BY 1`, [to])).rows;
    const staff = (await f.database.pool.query(
      `SELECT data->>'datasetId' AS id, count(DISTINCT (data->>'organizationId', data->>'staffCode'))::int AS n FROM oracle.events
        WHERE event_type = 'InformationAccessed' AND data->>'outcome' = 'GRANTED' AND (data->>'occurredAt')::timestamptz >= $1 AND (data->>'occurredAt')::timestamptz < $2 GROUP BY 1`,
      [new Date('2024-04-01T00:00:00+09:00'), to])).rows;
    const registered = await count(`SELECT count(*) AS n FROM oracle.events WHERE event_type = 'DatasetRegistered'`, []);
    expect(report.privacyImpactAssessments.datasets).toHaveLength(registered);
    for (const d of report.privacyImpactAssessments.datasets) {
      expect([d.dataset.id, d.peopleCovered, d.staffWithAccess]).toEqual([d.dataset.id, people.find((p) => p.id === d.dataset.id)?.n ?? 0, staff.find((s) => s.id === d.dataset.id)?.n ?? 0]);
    }
    expect(report.privacyImpactAssessments.rules.length).toBe(5);
  });

  it('reports the findings of the period as the findings read model holds them, each with its evidence', async () => {
    const byRule = await f.context.get(FindingQueries).countsBy({ asOf: to.toISOString(), from: from.toISOString(), to: to.toISOString() }, 'rule');
    const reported = new Map<string, number>();
    for (const g of report.findings.groups) reported.set(g.rule, (reported.get(g.rule) ?? 0) + g.count);
    expect(Object.fromEntries(reported)).toEqual(Object.fromEntries(byRule.map((r) => [r.key, r.count])));
    expect(report.findings.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings.findings) expect(finding.evidence.length).toBeGreaterThan(0);
  });

  it('shows exposure as the exposure read model measures it: subjects by smallest class, datasets with k = 1, the most matchable pairs', async () => {
    const exposure = new ExposureQueries(f.database.pool);
    expect(report.exposure.available).toBe(true);
    const distribution = await exposure.distribution('VARIANT');
    expect(report.exposure.distribution).toEqual(distribution.subjectsBySmallestClass.map((b) => ({ label: `f = ${b.bucket}`, subjects: b.count })));
    expect(report.exposure.distribution.reduce((n, b) => n + b.subjects, 0)).toBeGreaterThan(0);
    for (const risky of report.exposure.riskyDatasets) {
      const risk = (await exposure.datasetRisk(risky.dataset.id, 'VARIANT'))!;
      expect([risky.records, risky.k, risky.sampleUniqueness]).toEqual([risk.records, 1, risk.sampleUniqueness]);
    }
    const [top] = await exposure.mostMatchablePairs('VARIANT', 1);
    expect(report.exposure.matchablePairs[0]).toMatchObject({
      datasetA: { id: top!.datasetA }, datasetB: { id: top!.datasetB }, matchability: Math.max(top!.shareOfA, top!.shareOfB), shareOfA: top!.shareOfA, shareOfB: top!.shareOfB,
    });
  });

  it('drafts breach reports from leaked My Numbers and from findings, over the whole timeline, with the people the events name', async () => {
    const start = new Date('2019-04-01T00:00:00+09:00');
    const whole = await reports.report({ from: '2019-04-01', to: TO });
    const leaks = (await f.database.pool.query(
      `SELECT data->>'retiredBy' AS id, count(DISTINCT data->>'subjectId')::int AS n FROM oracle.events
        WHERE event_type = 'IdentifierRetired' AND data->>'reason' = 'LEAKED' AND data->>'kind' = 'MY_NUMBER' AND ${inPeriod} GROUP BY 1`, [start, to])).rows;
    expect(leaks.length).toBeGreaterThan(0);
    const drafted = whole.breachReports.drafts.filter((d) => d.signals.some((s) => s.source === 'MY_NUMBER_LEAKED'));
    expect(Object.fromEntries(drafted.map((d) => [d.organization.id, d.peopleAffected]))).toEqual(Object.fromEntries(leaks.map((l) => [l.id, l.n])));
    expect(new Set(whole.breachReports.drafts.flatMap((d) => d.categories))).toEqual(new Set(['NUMBER_SYSTEM_LEAK', 'WRONGFUL_PURPOSE', 'UNLAWFUL_USE_OR_PROVISION']));
    const episode = whole.findings.findings.find((x) => x.rule === 'STAFF_MASS_ACCESS')!;
    const wrongful = whole.breachReports.drafts.find((d) => d.categories.includes('WRONGFUL_PURPOSE'))!;
    expect(wrongful).toMatchObject({ organization: episode.organization, peopleAffected: episode.subjectIds.length });
    // The draft spans the episode's accesses, from the first to the last, not one instant.
    expect(wrongful).toMatchObject({ firstOccurredAt: episode.occurredAt, lastOccurredAt: episode.lastOccurredAt });
    expect(Date.parse(wrongful.lastOccurredAt)).toBeGreaterThan(Date.parse(wrongful.firstOccurredAt));
    const last = await f.database.pool.query(`SELECT max((data->>'occurredAt')::timestamptz) AS at FROM oracle.events WHERE global_position = ANY($1::bigint[])`, [episode.evidence]);
    expect(new Date(last.rows[0].at).toISOString()).toBe(episode.lastOccurredAt);
    expect(wrongful.items.length).toBeGreaterThan(0);
    for (const draft of whole.breachReports.drafts) expect([draft.secondaryHarm.toFill, draft.publication.toFill, draft.prevention.toFill]).toEqual([true, true, true]);
    expect(whole.breachReports.complete).toBe(true);
  });

  it('counts in the PIA exactly the incidents of the year it lists, and names each finding in Japanese with its statute', async () => {
    for (const d of report.privacyImpactAssessments.datasets) {
      expect(d.seriousIncidentsPastYear).toBe(report.breachReports.pastYear.filter((i) => i.organization.id === d.dataset.holder!.id).length);
    }
    for (const draft of report.breachReports.drafts) {
      expect(report.breachReports.pastYear.some((i) => i.organization.id === draft.organization.id && i.categories[0] === draft.categories[0] && i.draftedInPeriod)).toBe(true);
    }
    for (const x of report.findings.findings) {
      expect(x.title).toMatch(/\p{Script=Han}/u);
      expect(x.statute).toMatch(/法/);
      expect(x.party === null).toBe(x.rule !== 'PROVISION_NOT_PERMITTED' && x.rule !== 'MY_NUMBER_OUTSIDE_PERMITTED_USE');
    }
    const provisions = report.findings.findings.filter((x) => x.rule === 'PROVISION_NOT_PERMITTED');
    expect(provisions.filter((x) => x.party === 'PROVIDER').length).toBe(provisions.filter((x) => x.party === 'REQUESTER').length);
  });

  it('limits a report to one organization, and refuses an unknown one by name', async () => {
    const organizationId = report.activity.rows.find((r) => r.kind === 'ACCESS')!.organization.id;
    const own = await reports.report({ from: FROM, to: TO, organizationId });
    const accesses = await events('InformationAccessed', `AND data->>'organizationId' = '${organizationId}'`);
    expect(own.activity.totals.accesses).toBe(accesses);
    expect(own.activity.rows.every((r) => r.organization.id === organizationId || r.counterparty?.id === organizationId)).toBe(true);
    expect(own.findings.findings.every((x) => x.organization.id === organizationId)).toBe(true);
    await expect(reports.report({ from: FROM, to: TO, organizationId: 'no-such-org' })).rejects.toMatchObject({ field: 'organizationId' });
    await expect(reports.report({ from: TO, to: FROM })).rejects.toBeInstanceOf(ReportInputError);
  });

  it('writes CSV (a folder, a file per table), HTML and JSON from the CLI\'s report writer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'himotoki-report-'));
    try {
      const csv = await writeReport(reports, reportOptions({ from: FROM, to: TO, format: 'csv', out: join(dir, 'csv') }), () => {});
      expect((await readdir(join(dir, 'csv'))).sort()).toEqual(csv.map((p) => p.slice(join(dir, 'csv').length + 1)).sort());
      const activity = await readFile(join(dir, 'csv', 'activity.csv'), 'utf8');
      expect(activity.startsWith('\uFEFFmonth,')).toBe(true);
      expect(activity.split('\r\n').filter(Boolean)).toHaveLength(report.activity.rows.length + 1);
      let printed = '';
      await writeReport(reports, reportOptions({ from: FROM, to: TO, format: 'json' }), (text) => (printed += text));
      expect(JSON.parse(printed)).toEqual(report);
      await writeReport(reports, reportOptions({ from: FROM, to: TO, format: 'html', out: join(dir, 'r.html') }), () => {});
      expect(await readFile(join(dir, 'r.html'), 'utf8')).toBe(renderReportHtml(report));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  (browserAvailable ? it : it.skip)('renders in headless Chromium with no request leaving the file, and prints on A4 pages', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`headless Chromium is needed at ${CHROMIUM} (Debian package chromium; .ci/run installs it)`);
    const dir = await mkdtemp(join(tmpdir(), 'himotoki-report-html-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const file = join(dir, 'report.html');
      await writeFile(file, renderReportHtml(report));
      const page = await browser.newPage({ viewport: { width: 900, height: 1270 } });
      const outside: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        outside.push(url);
        return route.abort();
      });
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      expect(outside).toEqual([]);
      expect(await page.locator('h2').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('情報提供等の状況'), expect.stringContaining('漏えい等報告')]));
      expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('script').count()).toBe(0);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThanOrEqual(7);
      if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync(SCREENSHOT)) await page.screenshot({ path: SCREENSHOT, fullPage: false });
      // One picture a section (docs/report-<section>.png), to look at: taken with the CJK font installed (fonts-noto-cjk).
      if (process.env.UPDATE_SCREENSHOT === '1') {
        await page.locator('header.cover').screenshot({ path: join(process.cwd(), 'docs/report-cover.png') });
        for (const id of await page.locator('section h2').evaluateAll((hs) => hs.map((h) => h.id))) {
          await page.locator(`section:has(h2#${id})`).screenshot({ path: join(process.cwd(), `docs/report-${id}.png`) });
        }
        // FY2024 of this population drafts no breach report: the whole timeline shows drafts and both parties of a provision.
        const whole = join(dir, 'whole.html');
        await writeFile(whole, renderReportHtml(await reports.report({ from: '2019-04-01', to: TO })));
        await page.goto(`file://${whole}`, { waitUntil: 'load' });
        for (const id of ['findings', 'breach']) await page.locator(`section:has(h2#${id})`).screenshot({ path: join(process.cwd(), `docs/report-${id}-whole-timeline.png`) });
      }
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
