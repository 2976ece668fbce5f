import { existsSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '#app';
import { backendName } from '../support/test-database.js';
import { openTestRuntime } from '../support/test-runtime.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium (.ci/run) and must run this test; a developer's machine without it skips it, visibly.
const available = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!available) console.warn(`skipping the IDE browser test: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

(available ? describe : describe.skip)(`the GraphQL IDE at /graphql on ${backendName}`, () => {
  let app: INestApplication;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`headless Chromium is needed at ${CHROMIUM} (Debian package chromium; .ci/run installs it)`);
    app = await createApp(await openTestRuntime(), { logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('loads in a browser with every request staying on this server', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // The IDE asks the server for the schema (introspection) as it opens; it must be answered.
    const introspection = page.waitForResponse((r) => r.url() === `${url}/graphql` && r.request().method() === 'POST', { timeout: 30_000 });
    const response = await page.goto(`${url}/graphql`, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    // Altair renders its query editor once its scripts have loaded from /graphql-ide/.
    await page.waitForSelector('app-root', { timeout: 30_000 });
    expect((await introspection).status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(requests.some((r) => r.includes('/graphql-ide/'))).toBe(true);
    const outside = requests.filter((r) => !r.startsWith(url) && !r.startsWith('data:') && !r.startsWith('blob:') && !r.startsWith('about:'));
    expect(outside).toEqual([]);
    await page.close();
  });
});
