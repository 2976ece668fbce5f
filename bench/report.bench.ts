/**
 * npm run bench:report — a quarter's compliance report over 1,000,010 events (90,910 subjects, 40 organizations
 * with their datasets registered) on the PostgreSQL in DATABASE_URL: the GraphQL `complianceReport` over HTTP to a
 * server in its own process (median of 5, after one warm-up), and `himotoki report --format html` as a user runs it
 * (a child process: start, catch up, query, render, write). Last line: one JSON object.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '#database';
import type { EventToAppend } from '#event-store';
import { PostgresEventStore } from '#event-store-postgres';
import { derivedUuid } from '#ingestion';
import { domainEvent, type DomainEvent } from '#vocabulary';
import { EVENTS_PER_SUBJECT, subjectAppends } from '#synthetic-population';
import { DATABASE_SCHEMA } from '#app';
import { cliOf, freshDatabase, machine, median } from './bench-support.js';
import { SECRET, caughtUp, tokens } from './graphql-server.js';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 90_910);
const PORT = 3900 + (process.pid % 90);
const CLI = cliOf();
/** The first quarter of FY2024 (Japan time); the bench log spans 2021-01 to 2024-11. */
const QUARTER = { from: '2024-04-01T00:00:00+09:00', to: '2024-07-01T00:00:00+09:00' };
const QUERY = `query ($from: DateTime!, $to: DateTime!) { complianceReport(from: $from, to: $to) {
  period { from to } activity { totals { provisions ties cuts accesses accessesDenied nonDisclosed } months { month provisions ties cuts accesses }
    rows { organization { id name } counterparty { id } kind procedure month count refused nonDisclosed } }
  findings { available groups { rule severity organization { id } count } findings { rule organization { id } detectedAt evidence } }
  tieHygiene { liveTies overdueTies tiesMadeInPeriod tiesCutInPeriod lifetimes { label cutInPeriod live } overdue { tieId daysOverdue } }
  exposure { available note }
  privacyImpactAssessments { datasets { dataset { id } peopleCovered staffWithAccess level reason } }
  breachReports { complete drafts { summary peopleAffected categories } } } }`;

/** The organizations and datasets the bench log's events name, registered so the report can name them. */
function registry(): EventToAppend[] {
  const at = '2020-12-01T00:00:00.000Z';
  const events: DomainEvent[] = [domainEvent('OrganizationRegistered', { organizationId: 'pension', name: '日本年金機構', kind: 'PENSION', domains: ['SOCIAL_SECURITY'], occurredAt: at })];
  // Purposes and permitted rows as the log's accesses and provisions use them, so that they are lawful, as most are.
  const dataset = (datasetId: string, holderId: string, name: string, purpose: string, keyedBy: ('MY_NUMBER' | 'AGENCY_CODE')[]) =>
    domainEvent('DatasetRegistered', { datasetId, holderId, name, purpose, domain: 'SOCIAL_SECURITY', legalBasis: '番号法', keyedBy, basic4Fields: ['NAME_KANJI', 'BIRTH_DATE'], occurredAt: at });
  for (let n = 0; n < 40; n++) {
    events.push(domainEvent('OrganizationRegistered', { organizationId: `org-${n}`, name: `自治体${n}`, kind: 'MUNICIPALITY', domains: ['TAX'], occurredAt: at }));
    events.push(dataset(`tax-${n}`, `org-${n}`, `個人住民税課税台帳 ${n}`, '個人住民税の賦課', ['MY_NUMBER']));
    events.push(domainEvent('PermittedProvisionRegistered', {
      permittedProvisionId: `table2-37-${n}`, requesterId: 'pension', providerId: `org-${n}`, procedure: '国民年金保険料の免除に関する事務',
      items: ['INCOME', 'HOUSEHOLD'], legalBasis: '番号法別表第二 第37項', occurredAt: at,
    }));
  }
  events.push(dataset('pension-records', 'pension', '年金記録', '年金給付', ['AGENCY_CODE']));
  for (let n = 0; n < 12; n++) events.push(dataset(`insurer-${n}`, 'pension', `被保険者台帳 ${n}`, '医療保険給付', ['MY_NUMBER']));
  return events.map((e, i) => ({ id: derivedUuid('bench-report-registry', String(i)), type: e.type, schemaVersion: e.version, data: e.data as EventToAppend['data'], metadata: { sender: 'operator:bench' } }));
}

async function load(url: string): Promise<void> {
  const db = await openDatabase({ url, poolSize: 2 }, DATABASE_SCHEMA);
  await migrate(db);
  const store = new PostgresEventStore(db);
  await store.appendToStream('bench-registry', registry());
  for (let n = 0; n < SUBJECTS; n += 100) await store.appendToStreams(subjectAppends(n, Math.min(SUBJECTS, n + 100)));
  await store.close();
  await db.close();
}

async function graphql(base: string, token: string): Promise<{ ms: number; body: { data?: unknown; errors?: unknown } }> {
  const started = performance.now();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: QUARTER }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  return { ms: performance.now() - started, body };
}

async function main(): Promise<void> {
  const target = await freshDatabase('himotoki_bench_report');
  const dir = await mkdtemp(join(tmpdir(), 'himotoki-bench-report-'));
  const started = performance.now();
  await load(target.url);
  const env = { ...process.env, DATABASE_URL: target.url, HIMOTOKI_SECRET: SECRET, PORT: String(PORT), NODE_ENV: 'production' };
  const server = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${PORT}`;
  const auditor = await tokens.mint({ role: 'AUDITOR', id: 'bench-auditor', organizationId: 'ppc' });
  try {
    await caughtUp(base, auditor);
    const events = SUBJECTS * EVENTS_PER_SUBJECT + registry().length;
    console.log(`loaded and projected ${events.toLocaleString('en')} events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const warm = await graphql(base, auditor);
    if (warm.body.errors) throw new Error(`complianceReport failed: ${JSON.stringify(warm.body.errors)}`);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push((await graphql(base, auditor)).ms);
    const graphqlMs = Math.round(median(runs));
    console.log(`complianceReport over GraphQL: median ${graphqlMs} ms (runs ${runs.map((ms) => Math.round(ms)).join(', ')} ms)`);
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));

    const out = join(dir, 'report.html');
    const htmlStarted = performance.now();
    const cli = spawnSync(process.execPath, [CLI, 'report', '--from', QUARTER.from, '--to', QUARTER.to, '--format', 'html', '--out', out], { env, encoding: 'utf8' });
    const htmlMs = Math.round(performance.now() - htmlStarted);
    if (cli.status !== 0) throw new Error(`himotoki report failed: ${cli.stderr}`);
    const bytes = (await stat(out)).size;
    console.log(`himotoki report --format html (a whole process: start, catch up, query, render, write): ${htmlMs} ms, ${bytes.toLocaleString('en')} bytes`);
    console.log(JSON.stringify({ report: { graphql_median_ms: graphqlMs, graphql_runs_ms: runs.map(Math.round), html_cli_ms: htmlMs, html_bytes: bytes, target_graphql_ms: 1000, target_html_ms: 5000 }, events, period: QUARTER, machine: machine() }));
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
    await target.drop();
  }
}

await main();
