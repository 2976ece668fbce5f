import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DATABASE, type Database } from '#database';
import { LogInsider } from '#event-store-postgres/testing';
import { IngestCommand, type CommandEnvelope } from '#ingestion';
import { ProjectionRunner } from '#projections';
import { generatePopulation } from '#synthetic-population';
import { TokenService } from '#api';
import { consoleLink } from '../../apps/cli/src/console-links.js';
import { CHROMIUM, CHROMIUM_ARGS, DESKTOP, chromiumAvailable, screenshots, seriousAxeViolations } from '../support/console-browser.js';
import { ok, type GraphQLClient } from '../support/graphql-client.js';
import { importCommands } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { startTestApi } from '../support/test-api.js';
import { backendName } from '../support/test-database.js';

if (!chromiumAvailable) console.warn(`skipping the console's browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

const run = promisify(execFile);
const LINE_IDS = `{ totalCount edges { node { id } } }`;

(chromiumAvailable ? describe : describe.skip)(`the console at /console/ on ${backendName}`, () => {
  let app: INestApplication;
  let api: GraphQLClient;
  let tokens: TokenService;
  let browser: Browser;
  let url: string;
  let commands: CommandEnvelope[];
  /** The citizen: the subject with the most provisions, and someone else. */
  let citizen: string;
  let other: string;
  let auditorToken: string;

  beforeAll(async () => {
    const started = await startTestApi();
    ({ app, api } = started);
    tokens = app.get(TokenService);
    url = await app.getUrl();
    commands = [...generatePopulation({ subjects: 40, seed: 'console' }).commands];
    await importCommands(app.get(CommandBus), commands);
    await settled(app.get(ProjectionRunner), 120_000);
    const { pool } = app.get<Database>(DATABASE);
    // The two subjects provided about most often (ties by id, in the database's collation).
    const provided = (await new LogInsider(pool).storedEvents({ types: ['InformationProvided'] })).filter((e) => e.data.outcome === 'PROVIDED');
    const times = new Map<string, number>();
    for (const e of provided) times.set(e.data.subjectId as string, (times.get(e.data.subjectId as string) ?? 0) + 1);
    [citizen, other] = [...times].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id) as [string, string];
    auditorToken = await started.mint.auditor();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh tab (its own session storage) that may inject axe despite the page's policy, recording every request. */
  async function open(link: string): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
    const context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true, acceptDownloads: true, locale: 'ja-JP' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(link);
    return { context, page, requests };
  }

  async function checkPage(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, name);
  }

  const as = (token: string) => api.as(token);
  const mintSubject = (subjectId: string, validForSeconds?: number) => tokens.mint({ role: 'SUBJECT', id: 'citizen', subjectId }, validForSeconds);

  it('signs a citizen in from a link whose token never reaches the server, and shows their lines and no one else’s', async () => {
    const token = await mintSubject(citizen);
    const { context, page, requests } = await open(consoleLink(url, token));
    await page.waitForSelector('table.lines tbody tr');
    // The fragment is gone from the address bar, kept in this tab's session storage, and was in no request.
    expect(page.url()).toBe(`${url}/console/me`);
    expect(await page.evaluate("sessionStorage.getItem('himotoki.token')")).toBe(token);
    expect(requests.filter((r) => r.includes(token))).toEqual([]);
    expect(requests.filter((r) => !r.startsWith(url) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);

    const mine = ok(await as(token).request<{ me: { totalCount: number; edges: { node: { id: string } }[] } }>(`{ me(first: 10) ${LINE_IDS} }`)).me;
    const shown = await page.$$eval('table.lines tbody tr', (rows) => rows.map((r) => r.getAttribute('data-event-id')));
    expect(shown).toEqual(mine.edges.map((e) => e.node.id));
    expect(await page.textContent('.summary')).toContain(String(mine.totalCount));
    const theirs = ok(await as(auditorToken).request<{ accessHistory: { edges: { node: { id: string } }[] } }>(`query ($s: ID!) { accessHistory(subjectId: $s, first: 500) ${LINE_IDS} }`, { s: other })).accessHistory;
    expect(theirs.edges.length).toBeGreaterThan(0);
    const theirIds = new Set(theirs.edges.map((e) => e.node.id));
    expect(shown.filter((id) => theirIds.has(id!))).toEqual([]);
    await checkPage(page, 'citizen-history');

    // The audits and the exposure in words, in the menu.
    await page.click('nav.site-nav >> text=監査の記録');
    await page.waitForSelector('h1:has-text("監査の記録")');
    await checkPage(page, 'citizen-audits');
    await page.click('nav.site-nav >> text=名寄せされやすさ');
    await page.waitForSelector('ul.explanations li');
    const sentences = ok(await as(token).request<{ exposure: { explanations: { ja: string }[] } }>('query ($s: ID!) { exposure(subjectId: $s) { explanations { ja } } }', { s: citizen })).exposure.explanations;
    expect(await page.$$eval('ul.explanations li', (items) => items.map((i) => i.textContent))).toEqual(sentences.map((s) => s.ja));
    await checkPage(page, 'citizen-exposure');

    // English on request: the page's language and words follow.
    await page.click('button:has-text("English")');
    await page.waitForSelector('h1:has-text("How easily my records can be matched")');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('text=Sign out');
    await page.waitForSelector('[data-problem="signedOut"]');
    expect(await page.evaluate("sessionStorage.getItem('himotoki.token')")).toBeNull();
    await context.close();
  }, 120_000);

  it('keeps a non-disclosed provision from the citizen until it is released', async () => {
    const { pool } = app.get<Database>(DATABASE);
    const first = (await new LogInsider(pool).storedEvents({ types: ['InformationProvided'] })).find((e) => e.data.subjectId === citizen && e.data.outcome === 'PROVIDED')!;
    const original = commands.find((c) => c.type === 'ProvideInformation' && c.payload.provisionId === first.data.provisionId)!;
    const provisionId = `${original.payload.provisionId as string}-nd`;
    const sent = await app.get(CommandBus).execute(new IngestCommand({ commandId: crypto.randomUUID(), type: 'ProvideInformation', payload: { ...original.payload, provisionId, nonDisclosure: true } }, 'operator:test'));
    const eventId = sent.events.find((e: { type: string }) => e.type === 'InformationProvided')!.eventId as string;
    await settled(app.get(ProjectionRunner));
    const requestedDay = String(original.payload.requestedAt).slice(0, 10);
    const providedDay = String(original.payload.providedAt).slice(0, 10);

    const token = await mintSubject(citizen);
    const { context, page } = await open(consoleLink(url, token));
    const showPeriod = async () => {
      await page.click('summary:has-text("絞り込み")');
      await page.fill('#history-from', requestedDay);
      await page.fill('#history-to', providedDay);
      await page.click('button:has-text("絞り込む")');
      await page.waitForSelector('.summary');
      await page.waitForLoadState('networkidle');
    };
    await page.waitForSelector('table.lines tbody tr');
    await showPeriod();
    expect(await page.$(`tr[data-event-id="${eventId}"]`)).toBeNull();
    expect(await page.$(`tr[data-event-id]`)).not.toBeNull(); // the original provision of that period is there

    await app.get(CommandBus).execute(
      new IngestCommand({ commandId: crypto.randomUUID(), type: 'ReleaseNonDisclosure', payload: { provisionId, releasedBy: original.payload.requesterId, occurredAt: new Date().toISOString() } }, 'operator:test'),
    );
    await settled(app.get(ProjectionRunner));
    await page.reload();
    await page.waitForSelector('table.lines tbody tr');
    await showPeriod();
    await page.waitForSelector(`tr[data-event-id="${eventId}"]`);
    await context.close();
  }, 120_000);

  it('lets an auditor find a person, follow a finding to its event, and download a proof that himotoki verify accepts', async () => {
    // The citizen's enrolment, by the command id its event carries.
    const [enrolled] = await new LogInsider(app.get<Database>(DATABASE).pool).storedEvents({ types: ['SubjectEnrolled'], streamId: `subject-${citizen}` });
    const enrolment = commands.find((c) => c.commandId === enrolled!.metadata.commandId)!;
    const identifier = (enrolment.payload.identifiers as { kind: string; value: string; scope?: string }[])[0]!;
    const subject = ok(await as(auditorToken).request<{ subject: { id: string } }>('query ($i: IdentifierInput!) { subject(identifier: $i) { id } }', { i: { kind: identifier.kind, value: identifier.value, scope: identifier.scope } })).subject;

    const { context, page } = await open(consoleLink(url, auditorToken));
    await page.waitForSelector('#identifier-value');
    await checkPage(page, 'auditor-find');
    await page.selectOption('#identifier-kind', identifier.kind);
    await page.fill('#identifier-value', identifier.value);
    if (identifier.scope) await page.fill('#identifier-scope', identifier.scope);
    await page.click('button:has-text("検索する")');
    await page.waitForURL(`${url}/console/auditor/subjects/${subject.id}`);
    expect(subject.id).toBe(citizen);
    await page.waitForSelector('table.lines tbody tr');
    await page.waitForSelector('ul.explanations li');
    await checkPage(page, 'auditor-subject');

    await page.click('nav.site-nav >> text=検出事項');
    await page.waitForSelector('li.card');
    await checkPage(page, 'auditor-findings');
    const card = page.locator('li.card').first();
    const eventLink = card.locator('a[href*="/console/auditor/events/"]').first();
    const eventId = (await eventLink.getAttribute('href'))!.split('/').pop()!;
    await eventLink.click();
    await page.waitForSelector('[data-event-type]');
    expect(await page.textContent('dd.code')).toBe(eventId);
    await checkPage(page, 'auditor-event');

    const directory = await mkdtemp(join(tmpdir(), 'himotoki-console-'));
    try {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("証明")')]);
      const file = join(directory, download.suggestedFilename());
      await download.saveAs(file);
      const { stdout } = await run(process.execPath, ['dist/apps/cli/src/main.js', 'verify', '--proof', file], { env: { ...process.env, NODE_ENV: 'production' } });
      expect(stdout).toMatch(/ok|valid|verified/i);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }

    // Two datasets holding the citizen's records, as their exposure names them.
    const records = ok(await as(auditorToken).request<{ exposure: { records: { dataset: { id: string } | null }[] } }>('query ($s: ID!) { exposure(subjectId: $s) { records { dataset { id } } } }', { s: citizen })).exposure.records;
    const datasets = records.map((r) => r.dataset?.id).filter((id): id is string => !!id);
    expect(datasets.length).toBeGreaterThan(1);
    await page.click('nav.site-nav >> text=データセットのリスク');
    await page.fill('#dataset-a', datasets[0]!);
    await page.fill('#dataset-b', datasets[1]!);
    await page.click('button:has-text("確認する")');
    await page.waitForSelector('#risk-heading');
    await page.waitForSelector('#match-heading');
    expect(await page.$$('#risk-heading ~ ul.explanations li')).toHaveLength(4);
    await checkPage(page, 'auditor-datasets');

    await page.click('nav.site-nav >> text=報告書');
    await page.click('button:has-text("作成する")');
    await page.waitForSelector('dl.totals');
    await checkPage(page, 'auditor-report');
    const [html] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("HTMLをダウンロード")')]);
    expect(html.suggestedFilename()).toMatch(/\.html$/);

    await page.click('nav.site-nav >> text=稼働状況');
    await page.waitForSelector('#status-journal');
    await checkPage(page, 'auditor-status');
    await context.close();
  }, 240_000);

  it('shows an organization its own activity, counterparties and findings', async () => {
    // The organization that acted most in the report's default period (FY2024, 令和6年度).
    const { rows } = await app.get<Database>(DATABASE).pool.query<{ organization_id: string }>(
      `SELECT organization_id FROM access_history.entries WHERE occurred_at >= '2024-04-01T00:00:00+09:00' AND occurred_at < '2025-04-01T00:00:00+09:00' AND kind <> 'AUDIT'
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const organizationId = rows[0]!.organization_id;
    const token = await tokens.mint({ role: 'ORGANIZATION', id: organizationId, organizationId });
    const { context, page } = await open(consoleLink(url, token));
    await page.waitForSelector('dl.totals');
    const organizations = await page.$$eval('table.lines tbody tr', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(organizations.length).toBeGreaterThan(0);
    expect(organizations.every((row) => row.includes(organizationId))).toBe(true);
    await checkPage(page, 'organization-activity');
    await page.click('nav.site-nav >> text=検出事項');
    await page.waitForSelector('.summary');
    const rules = await page.$$eval('li.card', (cards) => cards.map((c) => c.textContent ?? ''));
    expect(rules.every((text) => text.includes(organizationId))).toBe(true);
    await checkPage(page, 'organization-findings');
    await context.close();
  }, 120_000);

  it('says so when a token has expired, and when a pasted one is not a token', async () => {
    const token = await mintSubject(citizen, 1);
    const expiresAt = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp * 1000;
    while (Date.now() <= expiresAt) await new Promise((resolve) => setTimeout(resolve, 50));
    const { context, page } = await open(consoleLink(url, token));
    await page.waitForSelector('[data-problem="tokenExpired"]');
    await checkPage(page, 'sign-in-expired');
    await page.fill('#token', 'not a token');
    await page.click('button:has-text("ログインする")');
    await page.waitForSelector('[data-problem="tokenMalformed"]');
    await context.close();
  }, 60_000);
});
