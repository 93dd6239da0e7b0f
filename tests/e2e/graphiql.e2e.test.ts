// GraphiQL at /graphql in real headless Chromium with every host but this server cut off: the
// page, its editor workers and an example query must all work from what the server itself serves,
// under its Content-Security-Policy, without a single request leaving the machine.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/app.ts';
import { EXAMPLE_QUERIES } from '../../src/graphql/example-queries.ts';
import { GRAPHIQL_ASSETS_PATH, GRAPHIQL_CSP } from '../../src/graphql/offline-graphiql.ts';
import { findFreePort } from '../../src/local-neo4j/local-neo4j.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { launchChromium } from '../support/launch-chromium.ts';
import { SEED_FILE } from '../support/seed-results.ts';
import { openTestDatabase } from '../support/test-database.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../.test-artifacts/e2e');
/** GraphiQL is megabytes of script for Chromium to parse: generous on a loaded CI machine. */
const SLOW = { timeout: 90_000 };

let connection: Neo4jConnection;
let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
/** Every request the browser tried to send anywhere but this server (all of them aborted). */
const external: string[] = [];
/** Every request to this server, by path. */
const local: string[] = [];
const pageErrors: string[] = [];

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  connection = await openTestDatabase();
  await ingestPapers(connection, readSources([SEED_FILE]));
  server = createServer(createApp({ connection }));
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${port}`;

  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // The network is cut at the browser: anything not for this server is recorded and aborted, so
  // a page that reached for a CDN fails here even on a machine that has internet.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === base) return route.continue();
    external.push(url);
    return route.abort('internetdisconnected');
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === base) local.push(url.pathname);
    else if (url.protocol !== 'data:' && url.protocol !== 'blob:') external.push(request.url());
  });
  // Reports of anything the page's policy refused, workers included (they report to the page's
  // console), collected from before the page's first script.
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations!.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  page = await context.newPage();
  page.setDefaultTimeout(SLOW.timeout);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await connection?.close();
});

describe('GraphiQL with no internet', () => {
  test('the page comes with a policy that allows this origin alone, and no eval', async () => {
    // Asked outside the page, so the page loads once, in the next test, from a clean state.
    const response = await context.request.get(`${base}/graphql`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).not.toMatch(/<script>|https?:\/\//);
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toBe(GRAPHIQL_CSP);
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });

  test('opens with the saved examples, runs the first and shows its answer', async () => {
    await page.goto(`${base}/graphql`, SLOW);
    const editor = page.locator('.graphiql-query-editor');
    await expect.poll(() => editor.textContent(), SLOW).toContain('WhoUsesAdam');
    expect(await page.locator('.graphiql-tab').count()).toBe(EXAMPLE_QUERIES.length);

    const answer = page.waitForResponse(
      (r) =>
        r.url() === `${base}/graphql` &&
        r.request().method() === 'POST' &&
        /WhoUsesAdam/.test(r.request().postData() ?? ''),
      SLOW,
    );
    await page.locator('.graphiql-execute-button').click();
    const body = (await (await answer).json()) as {
      data?: { whoUses: { totalCount: number } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.whoUses.totalCount).toBeGreaterThan(0);

    const result = page.locator('.graphiql-response');
    await expect
      .poll(async () => (await result.textContent())?.replace(/\s+/g, ' '), SLOW)
      .toMatch(/"whoUses": \{/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql-offline.png') });

    // The editors' language workers came from this server too (worker-src 'self').
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual(
      expect.arrayContaining([expect.stringContaining(GRAPHIQL_ASSETS_PATH)]),
    );
    expect(local).toEqual(expect.arrayContaining([`${GRAPHIQL_ASSETS_PATH}graphiql.js`]));
  }, 300_000);

  test('nothing was refused by the policy and nothing tried to leave the machine', async () => {
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(external).toEqual([]);
  });
});
