/**
 * npm run bench:console — the console in headless Chromium against a server on loopback holding the demo
 * population (`himotoki demo`'s, BENCH_SUBJECTS subjects, default 200, in the embedded PGlite in memory):
 * a citizen's first load (a fresh browser context, nothing cached: link → sign-in → first history line shown)
 * and a history page change (the next page's lines shown after the click), BENCH_ROUNDS times each (default 10).
 * Targets (issue #23): first load ≤ 1 s, page change ≤ 200 ms. Last line: one JSON object.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { DATABASE, type Database } from '#database';
import { TokenService } from '#api';
import { createApp } from '#app';
import { openRuntime } from '#app';
import { consoleLink } from '../apps/cli/src/console-links.js';
import { demo } from '../apps/cli/src/demo.js';
import { machine, median } from './bench-support.js';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET_FIRST_LOAD_MS = 1000;
const TARGET_PAGE_CHANGE_MS = 200;

const summary = (values: number[]) => ({ median: round(median(values)), max: round(Math.max(...values)), rounds: values.length });
const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`headless Chromium is needed at ${CHROMIUM} (apt-get install chromium)`);
  // The embedded database in memory, whatever the shell says: the benchmark writes a population of its own.
  delete process.env.DATABASE_URL;
  delete process.env.HIMOTOKI_DATA_DIR;
  const app = await createApp(await openRuntime(), { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const log = console.log;
  console.log = () => {}; // the demo's tokens and links: not this benchmark's output
  const loadStarted = performance.now();
  await demo(app, { subjects: SUBJECTS, seed: '1' }).finally(() => (console.log = log));
  console.log(`demo population of ${SUBJECTS} subjects imported and projected in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);

  // The citizen with the most lines, as the demo's link shows.
  const { rows } = await app.get<Database>(DATABASE).pool.query<{ subject_id: string; lines: string }>(
    `SELECT subject_id, count(*) AS lines FROM access_history.entries WHERE NOT non_disclosure GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  const { subject_id: subjectId, lines } = rows[0]!;
  const token = await app.get(TokenService).mint({ role: 'SUBJECT', id: 'bench-citizen', subjectId });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const firstLoads: number[] = [];
  const pageChanges: number[] = [];
  // The GraphQL requests' own share (request sent to answer read, by the browser's resource timing).
  const firstLoadQueries: number[] = [];
  const pageChangeQueries: number[] = [];
  const lastQueryMs = `Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql')).map((e) => e.responseEnd - e.requestStart).slice(-1))`;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(consoleLink(url, token));
      await page.waitForSelector('table.lines tbody tr');
      firstLoads.push(performance.now() - started);
      firstLoadQueries.push(await page.evaluate<number>(lastQueryMs));
      const next = page.locator('nav.pager button').nth(1);
      if ((await page.locator('nav.pager').count()) > 0 && (await next.isEnabled())) {
        const first = await page.getAttribute('table.lines tbody tr', 'data-event-id');
        const clicked = performance.now();
        await next.click();
        await page.waitForFunction(`document.querySelector('table.lines tbody tr')?.getAttribute('data-event-id') !== ${JSON.stringify(first)}`);
        pageChanges.push(performance.now() - clicked);
        pageChangeQueries.push(await page.evaluate<number>(lastQueryMs));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  const result = {
    bench: 'console',
    subjects: SUBJECTS,
    citizenLines: Number(lines),
    firstLoadMs: summary(firstLoads),
    pageChangeMs: pageChanges.length ? summary(pageChanges) : null,
    graphqlMs: { firstLoad: summary(firstLoadQueries), pageChange: pageChangeQueries.length ? summary(pageChangeQueries) : null },
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    targets: { firstLoadMs: TARGET_FIRST_LOAD_MS, pageChangeMs: TARGET_PAGE_CHANGE_MS },
    withinTargets: median(firstLoads) <= TARGET_FIRST_LOAD_MS && (pageChanges.length === 0 || median(pageChanges) <= TARGET_PAGE_CHANGE_MS),
    machine: machine(),
  };
  console.log(`first load (link to first line): median ${result.firstLoadMs.median} ms, max ${result.firstLoadMs.max} ms over ${ROUNDS} cold contexts (target ≤ ${TARGET_FIRST_LOAD_MS} ms)`);
  console.log(
    result.pageChangeMs
      ? `history page change (click to next page shown): median ${result.pageChangeMs.median} ms, max ${result.pageChangeMs.max} ms (target ≤ ${TARGET_PAGE_CHANGE_MS} ms)`
      : `history page change: not measured, the citizen's ${lines} lines fit one page`,
  );
  console.log(`of which the GraphQL request itself: ${result.graphqlMs.firstLoad.median} ms (first load), ${result.graphqlMs.pageChange?.median ?? '—'} ms (page change); load average ${result.loadAverage.join(', ')} on ${os.cpus().length} cores`);
  console.log(JSON.stringify(result));
}

await main();
