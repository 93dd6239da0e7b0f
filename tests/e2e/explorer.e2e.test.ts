// The explorer in real headless Chromium (Debian's, driven by playwright-core) against the real
// server on a throwaway Neo4j with the seed loaded: the questions a new user comes with.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { launchChromium } from '../support/launch-chromium.ts';
import { serveSeedExplorer, type SeedExplorer } from '../support/serve-seed-explorer.ts';
import type {} from '../../ui/src/page-hooks.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../.test-artifacts/e2e');
const DATED_PAPERS = path.resolve(import.meta.dirname, '../fixtures/dated-papers.jsonl');

let explorer: SeedExplorer;
let browser: Browser;
let page: Page;
let base: string;
/** The GraphQL documents and variables the page posted, in order. */
const posted: { query: string; variables: Record<string, unknown> }[] = [];

/** Waits until the page has loaded, laid out and painted the current view. */
const settled = () => page.evaluate(() => window.papergraph.settled());
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

/** No two printed labels overlap (boxes as Cytoscape measures them), and some are printed. */
async function expectLabelsApart(atLeast = 4): Promise<void> {
  const labels = await page.evaluate(() => window.papergraph.labels());
  expect(labels.length).toBeGreaterThanOrEqual(atLeast);
  const clashes: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i], labels[j]];
      if (a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1)
        clashes.push(`${a.text} / ${b.text}`);
    }
  expect(clashes).toEqual([]);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  explorer = await serveSeedExplorer();
  ({ base } = explorer);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/graphql'))
      posted.push(JSON.parse(request.postData() ?? '{}'));
  });
});

afterAll(async () => {
  await browser?.close();
  await explorer?.close();
});

describe('a new user explores the seed graph', () => {
  let sophiaId: string;

  test('the start view is a map of the most used concepts grouped by kind, no paper, labels apart', async () => {
    await page.goto(base);
    await settled();
    const count = await page.evaluate(() => window.papergraph.count());
    expect(count.nodes).toBeGreaterThan(10);
    expect(count.edges).toBeGreaterThan(5);
    await expect.poll(() => page.textContent('#status')).toMatch(/\d+ nodes · \d+ links/);
    const kinds = new Set(
      (await page.evaluate(() => window.papergraph.nodes())).map((n) => n.kind),
    );
    expect(kinds.has('PAPER')).toBe(false);
    expect([...kinds]).toEqual(expect.arrayContaining(['METHOD', 'DATASET', 'TASK']));
    expect(posted.some((p) => /query ConceptMap/.test(p.query))).toBe(true);
    expect(await page.locator('#kind-filters label').allTextContents()).toEqual(
      expect.arrayContaining(['Paper', 'Method', 'Dataset', 'Task']),
    );
    await expectLabelsApart();
    await shot('1-start-view');
  });

  test('searching "Sophia" suggests the paper, and choosing it opens the paper', async () => {
    await page.fill('#search-input', 'Sophia');
    const option = page
      .locator('#search-options [role=option][data-kind=PAPER]', { hasText: 'Sophia' })
      .first();
    await option.waitFor();
    sophiaId = (await option.getAttribute('data-id')) ?? '';
    expect(sophiaId).not.toBe('');
    await option.click();
    await settled();

    const panel = page.getByTestId('paper-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toContain('Sophia');
    const marked = await panel.locator('[data-testid=abstract] mark.mention').allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['Adam', 'Sophia']));
    expect(new URL(page.url()).searchParams.get('node')).toBe(sophiaId);
    await shot('2-sophia-paper');
  });

  test('clicking the link to Adam tells why it is there: the sentence, the rule, the confidence', async () => {
    const edge = await page.evaluate(
      (id) =>
        window.papergraph.findEdge(id, 'concept:adam', 'USES') ??
        window.papergraph.findEdge(id, 'concept:adam', 'COMPARES'),
      sophiaId,
    );
    expect(edge).not.toBeNull();
    // The slice came without evidence: the sentence is fetched for the clicked link alone.
    const slices = posted.filter((p) => /query (Neighborhood|Overview|ConceptMap)/.test(p.query));
    expect(slices.length).toBeGreaterThan(0);
    for (const slice of slices) expect(slice.query).not.toMatch(/evidence/);
    const before = posted.length;
    const point = await page.evaluate((id) => window.papergraph.pagePoint(id), edge!);
    await page.mouse.click(point!.x, point!.y);
    await settled();
    expect(posted.slice(before)).toEqual([
      { query: expect.stringMatching(/query Links/), variables: { ids: [edge] } },
    ]);

    const panel = page.getByTestId('edge-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Why is this link here?');
    const sentence = await panel.locator('blockquote.sentence').first().textContent();
    expect(sentence).toMatch(/Adam/);
    expect(await panel.locator('blockquote.sentence mark').first().textContent()).toBe('Adam');
    expect(await panel.locator('figcaption').first().textContent()).toMatch(
      /rule .+ · confidence \d+%/,
    );
    expect(new URL(page.url()).searchParams.get('edge')).toBe(edge);
    await shot('3-why-sophia-uses-adam');
  });

  test('"Who uses Adam?" answers with a graph and a list of papers with their sentences', async () => {
    await page.fill('#who-uses-input', 'Adam');
    await page.click('#who-uses-form button[type=submit]');
    await settled();

    const panel = page.getByTestId('who-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Who uses Adam?');
    const items = panel.locator('[data-testid=who-list] > li');
    expect(await items.count()).toBeGreaterThan(1);
    await expect
      .poll(() => items.allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Sophia')]));
    expect(await panel.locator('blockquote.sentence mark').first().textContent()).toMatch(/adam/i);
    // Each answer says how the paper stands to Adam: Sophia measures itself against it.
    const sophia = items.filter({ hasText: 'Sophia' }).first();
    expect(await sophia.locator('[data-role]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(uses|compares with)$/)]),
    );
    const roles = await panel
      .locator('[data-testid=who-list] [data-role]')
      .evaluateAll((badges) => badges.map((b) => b.getAttribute('data-role')));
    expect(roles.length).toBeGreaterThan(1);
    expect(roles).not.toContain('BACKGROUND');
    for (const role of roles) expect(['PROPOSES', 'USES', 'COMPARES']).toContain(role);
    // The answer is drawn too: Sophia is on the canvas, linked to Adam.
    expect(await page.evaluate((id) => window.papergraph.pagePoint(id), sophiaId)).not.toBeNull();
    expect(new URL(page.url()).searchParams.get('who')).toBe('Adam');
    await shot('4-who-uses-adam');
  });

  test('exports the view as a PNG image and as JSON elements with their evidence', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(png.suggestedFilename()).toBe('papergraph.png');
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5_000);

    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
      elements: { group: string; data: { evidence?: { sentence: string }[] } }[];
    };
    const edges = exported.elements.filter((e) => e.group === 'edges');
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.some((e) => e.data.evidence?.[0]?.sentence.includes('Adam'))).toBe(true);
  });

  test('back and forward walk through the views', async () => {
    await page.goBack();
    await settled();
    await expect.poll(() => page.getByTestId('edge-panel').isVisible()).toBe(true);
    await page.goForward();
    await settled();
    await expect.poll(() => page.getByTestId('who-panel').isVisible()).toBe(true);
  });

  test('the roles of a "Who uses" answer are a filter; background is asked for only when ticked', async () => {
    const panel = page.getByTestId('who-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Who uses Adam?');
    const chip = (role: string) =>
      panel.locator(`[data-testid=who-roles] input[data-role=${role}]`);
    const shownRoles = () =>
      panel
        .locator('[data-testid=who-list] [data-role]')
        .evaluateAll((badges) => badges.map((b) => b.getAttribute('data-role')));
    expect(await chip('BACKGROUND').isChecked()).toBe(false);
    expect(
      await Promise.all(['PROPOSES', 'USES', 'COMPARES'].map((r) => chip(r).isChecked())),
    ).toEqual([true, true, true]);

    const before = posted.length;
    await chip('BACKGROUND').check();
    await settled();
    const asked = posted.slice(before).filter((p) => /query WhoUses/.test(p.query));
    expect(asked.map((p) => p.variables)).toEqual([
      expect.objectContaining({ technique: 'Adam', role: ['BACKGROUND'] }),
    ]);
    expect(new URL(page.url()).searchParams.get('roles')).toBe('PROPOSES,USES,COMPARES,BACKGROUND');
    await expect.poll(() => chip('BACKGROUND').isChecked()).toBe(true);
    // As many background answers as the server has (the page asks for 100 at most).
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ whoUses(technique: "Adam", role: [BACKGROUND]) { totalCount } }`,
      }),
    });
    const { data } = (await response.json()) as { data: { whoUses: { totalCount: number } } };
    const background = (await shownRoles()).filter((r) => r === 'BACKGROUND');
    expect(background.length).toBe(Math.min(100, data.whoUses.totalCount));
    await shot('4b-who-uses-adam-background');

    // Only the papers measured against Adam: every answer left says "compares with".
    await chip('BACKGROUND').uncheck();
    await settled();
    await chip('PROPOSES').uncheck();
    await settled();
    await chip('USES').uncheck();
    await settled();
    expect(new URL(page.url()).searchParams.get('roles')).toBe('COMPARES');
    expect(posted.at(-1)?.variables).toEqual(
      expect.objectContaining({ technique: 'Adam', role: ['COMPARES'] }),
    );
    const roles = await shownRoles();
    expect(roles.length).toBeGreaterThan(0);
    expect(new Set(roles)).toEqual(new Set(['COMPARES']));
    expect(
      new Set(await panel.locator('[data-testid=who-list] [data-role]').allTextContents()),
    ).toEqual(new Set(['compares with']));
    // The last role ticked cannot be unticked: a question needs a role.
    expect(await chip('COMPARES').isDisabled()).toBe(true);
  });

  test('"Who uses ImageNet?" answers for a dataset, its papers evaluating on it', async () => {
    await page.evaluate(() => window.papergraph.navigate('?who=ImageNet'));
    await settled();
    const panel = page.getByTestId('who-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Who uses ImageNet?');
    const items = panel.locator('[data-testid=who-list] > li');
    expect(await items.count()).toBeGreaterThan(1);
    expect(await panel.locator('.meta').first().textContent()).not.toMatch(/^0 papers/);
    expect(await panel.locator('[data-testid=who-list] [data-role]').allTextContents()).toContain(
      'evaluates on',
    );
    const role = await panel.locator('[data-testid=who-roles] label').allTextContents();
    expect(role.map((r) => r.trim())).toEqual([
      'proposes',
      'evaluates on',
      'compares with',
      'background',
    ]);
    expect(
      await page.evaluate(() => window.papergraph.pagePoint('concept:imagenet')),
    ).not.toBeNull();
    await shot('4c-who-uses-imagenet');
  });

  test('a variant names its family, the family lists its variants, and "Who uses" the family answers the variant', async () => {
    await page.evaluate(() =>
      window.papergraph.navigate('?at=concept:resnet-50&node=concept:resnet-50'),
    );
    await settled();
    const panel = page.getByTestId('concept-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('ResNet-50');
    const family = panel.getByTestId('concept-family');
    expect(await family.textContent()).toBe('Variant of ResNet');
    await family.getByRole('button', { name: 'ResNet' }).click();
    await settled();
    await expect.poll(() => panel.locator('h2').textContent()).toBe('ResNet');
    expect(await panel.getByTestId('concept-variants').textContent()).toMatch(
      /ResNet-50 \d+ papers?/,
    );
    // The family counts its own papers and its variants'.
    const count = await panel.getByTestId('concept-count').textContent();
    const [, own, withVariants] =
      count?.match(/^(\d+) papers? links? to it, (\d+) with its variants\.$/) ?? [];
    expect(Number(withVariants)).toBeGreaterThan(Number(own));

    await page.evaluate(() => window.papergraph.navigate('?who=ResNet'));
    await settled();
    const who = page.getByTestId('who-panel');
    await expect.poll(() => who.locator('h2').textContent()).toBe('Who uses ResNet?');
    expect(await who.getByTestId('who-variant').allTextContents()).toContain('ResNet-50');
    expect(
      await page.evaluate(() =>
        window.papergraph.findEdge('concept:resnet-50', 'concept:resnet', 'VARIANT_OF'),
      ),
    ).not.toBeNull();
    await shot('4d-who-uses-resnet');
  });

  test('an ambiguous name says what else it means, and asks again for that', async () => {
    const sam = { id: 'segment-anything-model', kind: 'MODEL', name: 'Segment Anything Model' };
    const other = {
      id: 'sharpness-aware-minimization',
      kind: 'METHOD',
      name: 'Sharpness-Aware Minimization',
    };
    // The seed has no ambiguous acronym in two senses: the server's answer for "SAM" is made up.
    await page.route('**/graphql', (route) =>
      route.request().postDataJSON()?.variables?.technique === 'SAM'
        ? route.fulfill({
            json: {
              data: {
                whoUses: {
                  totalCount: 0,
                  technique: {
                    ...sam,
                    aliases: ['SAM'],
                    paperCount: 0,
                    familyPaperCount: 0,
                    papersPerYear: [],
                  },
                  alternatives: [other],
                  edges: [],
                  pageInfo: { hasNextPage: false, endCursor: null },
                },
              },
            },
          })
        : route.continue(),
    );
    try {
      await page.evaluate(() => window.papergraph.navigate('?who=SAM'));
      await settled();
      const panel = page.getByTestId('who-panel');
      const also = panel.getByTestId('who-alternatives');
      expect(await also.textContent()).toBe('Also means: Sharpness-Aware Minimization');
      expect(await panel.getByTestId('who-none').textContent()).toMatch(/Tick “background”/);
      const before = posted.length;
      await also.getByRole('button', { name: other.name }).click();
      await settled();
      expect(posted.slice(before).map((p) => p.variables)).toContainEqual(
        expect.objectContaining({ technique: other.name }),
      );
      expect(new URL(page.url()).searchParams.get('who')).toBe(other.name);
    } finally {
      await page.unroute('**/graphql');
    }
  });

  test('filters hide kinds of node and are kept in the URL', async () => {
    await page.goto(base);
    await settled();
    const before = await page.evaluate(() => window.papergraph.count());
    await page.locator('#kind-filters input[data-kind=METHOD]').uncheck();
    await settled();
    const after = await page.evaluate(() => window.papergraph.count());
    expect(after.visible).toBeLessThan(before.visible);
    expect(new URL(page.url()).searchParams.get('hide')).toBe('METHOD');
    await page.reload();
    await settled();
    expect(await page.locator('#kind-filters input[data-kind=METHOD]').isChecked()).toBe(false);
  });

  test('double-clicking a node grows the graph around it, and the URL keeps the expansion', async () => {
    await page.goto(`${base}/?at=${encodeURIComponent(sophiaId)}`);
    await settled();
    const before = await page.evaluate(() => window.papergraph.count());
    const adam = await page.evaluate(() => window.papergraph.pagePoint('concept:adam'));
    await page.mouse.dblclick(adam!.x, adam!.y);
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll('expand'))
      .toEqual(['concept:adam']);
    await settled();
    const after = await page.evaluate(() => window.papergraph.count());
    expect(after.nodes).toBeGreaterThan(before.nodes);
    await expect
      .poll(() => page.getByTestId('concept-panel').locator('h2').textContent())
      .toBe('Adam');
    await shot('5-expanded-adam');
  });

  test('the JSON export of a neighbourhood fetches the evidence its links came without', async () => {
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
      elements: { group: string; data: { evidence?: { sentence: string }[] } }[];
    };
    const edges = exported.elements.filter((e) => e.group === 'edges');
    expect(edges.length).toBeGreaterThan(10);
    for (const edge of edges) expect(edge.data.evidence).toBeInstanceOf(Array);
    expect(edges.some((e) => e.data.evidence?.[0]?.sentence.includes('Adam'))).toBe(true);
  });

  test('a link whose evidence cannot be fetched says so in the panel', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ neighborhood(id: "concept:adam", limit: 50) { edges { id type } } }`,
      }),
    });
    const { data } = (await response.json()) as {
      data: { neighborhood: { edges: { id: string; type: string }[] } };
    };
    const edge = data.neighborhood.edges.find(
      (e) => e.type === 'USES' && !e.id.startsWith(sophiaId),
    );
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('query Links')
        ? route.fulfill({ json: { errors: [{ message: 'The database is not answering.' }] } })
        : route.continue(),
    );
    try {
      await page.evaluate(
        (id) => window.papergraph.navigate(`?at=concept:adam&edge=${encodeURIComponent(id)}`),
        edge!.id,
      );
      await settled();
      const panel = page.getByTestId('edge-panel');
      await expect
        .poll(() => panel.getByTestId('evidence-error').textContent())
        .toBe('Could not load the evidence: The database is not answering.');
      expect(await panel.locator('blockquote.sentence').count()).toBe(0);
      await shot('6-evidence-error');
    } finally {
      await page.unroute('**/graphql');
    }
  });

  test('a slice cut short by the server says so', async () => {
    const notice = page.locator('#notice');
    expect(await notice.isVisible()).toBe(false);
    await page.evaluate(() =>
      window.papergraph.renderSlice({
        truncated: true,
        nodes: [
          { id: 'a', kind: 'METHOD', label: 'A', degree: 400 },
          { id: 'b', kind: 'PAPER', label: 'B', degree: 1 },
        ],
        edges: [
          {
            id: 'ab',
            source: 'b',
            target: 'a',
            type: 'USES',
            role: 'USES',
            confidence: 0.9,
            evidence: [],
          },
        ],
      }),
    );
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/cut short/);
  });

  test('every control can be reached with the keyboard and shows where the focus is', async () => {
    await page.goto(base);
    await settled();
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          id: el.id,
          outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        };
      });
      if (focused?.id) reached.add(focused.id);
      if (focused) expect(focused.outline).toBe(true);
    }
    expect([...reached]).toEqual(
      expect.arrayContaining([
        'search-input',
        'who-uses-input',
        'layout-select',
        'min-confidence',
        'export-png',
        'graph',
      ]),
    );
  });

  test('the search works from the keyboard alone: type, arrow down, Enter', async () => {
    await page.focus('#search-input');
    await page.keyboard.type('Adam');
    await page.locator('#search-options [role=option]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe(
      'search-option-0',
    );
    await page.keyboard.press('Enter');
    await settled();
    await expect
      .poll(() => page.getByTestId('concept-panel').locator('h2').textContent())
      .toBe('Adam');
  });
});

describe('the explorer at scale', () => {
  // The seed's papers have no dates: a few dated papers (written for these tests) give the trend
  // and the time axis years to show.
  beforeAll(async () => {
    await ingestPapers(explorer.connection, readSources([DATED_PAPERS]));
  });

  test('opening a concept on the map draws its papers', async () => {
    await page.goto(base);
    await settled();
    const adam = await page.evaluate(() => window.papergraph.pagePoint('concept:adam'));
    expect(adam).not.toBeNull();
    await page.mouse.dblclick(adam!.x, adam!.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('at')).toBe('concept:adam');
    await settled();
    const kinds = (await page.evaluate(() => window.papergraph.nodes())).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'PAPER').length).toBeGreaterThan(2);
  });

  test('the welcome suggests questions about concepts the graph holds, and each has answers', async () => {
    await page.goto(base);
    await settled();
    const buttons = page.locator('[data-testid=welcome-examples] button');
    const reasons = await buttons.evaluateAll((all) =>
      all.map((b) => b.getAttribute('data-reason')),
    );
    expect(reasons).toEqual(expect.arrayContaining(['MOST_USED_METHOD', 'TOP_DATASET']));
    for (let i = 0; i < reasons.length; i++) {
      await page.goto(base);
      await settled();
      await page.locator('[data-testid=welcome-examples] button').nth(i).click();
      await settled();
      const panel = page.getByTestId('who-panel');
      expect(await panel.getByTestId('who-unknown').count()).toBe(0);
      expect(await panel.locator('[data-testid=who-list] > li').count()).toBeGreaterThan(0);
    }
  });

  test('a name the graph does not hold says so and offers near names that answer', async () => {
    await page.evaluate(() => window.papergraph.navigate('?who=Adamw%C3%A9'));
    await settled();
    const panel = page.getByTestId('who-panel');
    await expect.poll(() => panel.getByTestId('who-unknown').textContent()).toMatch(/no paper/);
    const near = panel.getByTestId('who-near').locator('button');
    expect(await near.allTextContents()).toContain('Adam');
    await near.filter({ hasText: /^Adam$/ }).click();
    await settled();
    expect(await panel.locator('[data-testid=who-list] > li').count()).toBeGreaterThan(1);
  });

  test('"Who uses Adam?" is drawn on a time axis by role, with counts, a trend and a sortable list', async () => {
    await page.evaluate(() => window.papergraph.navigate('?who=Adam'));
    await settled();
    const panel = page.getByTestId('who-panel');
    await expect.poll(() => panel.getByTestId('who-bands').textContent()).toMatch(/Uses: \d+/);
    expect(await panel.getByTestId('trend').locator('rect').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.papergraph.timing()?.layout)).toBe('arranged');
    const sorted = async () =>
      (await panel.locator('[data-testid=who-list] > li > p.meta').allTextContents()).map((t) =>
        Number(/ · (\d{4}) · /.exec(t)?.[1] ?? 0),
      );
    await panel.getByTestId('who-sort').selectOption('oldest');
    const oldest = (await sorted()).filter((y) => y > 0);
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b));
    await panel.getByTestId('who-sort').selectOption('newest');
    const newest = (await sorted()).filter((y) => y > 0);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    // Paper titles are under the legibility floor until zoomed in; the concept's name is printed.
    await expectLabelsApart(1);
    const printed = (await page.evaluate(() => window.papergraph.labels())).map((l) => l.id);
    expect(printed).toContain('concept:adam');
    await shot('7-who-uses-timeline');
  });

  test('the papers of one collection and a range of years: the answer and the URL keep to them', async () => {
    await page.goto(`${base}/?who=Adam`);
    await settled();
    const count = async () =>
      Number(
        /^(\d+) papers?/.exec(
          (await page.getByTestId('who-panel').locator('p.meta').first().textContent()) ?? '',
        )?.[1],
      );
    const everywhere = await count();
    await expect
      .poll(() => page.locator('#collection-select option').allTextContents())
      .toEqual(['All collections', 'daily-papers-mar-14.txt (41)', 'dated-papers.jsonl (5)']);
    await page.locator('#collection-select').selectOption('dated-papers.jsonl');
    await settled();
    expect(new URL(page.url()).searchParams.get('collection')).toBe('dated-papers.jsonl');
    expect(await count()).toBe(5);
    expect(everywhere).toBeGreaterThan(5);
    await page.locator('#year-from').fill('2021');
    await page.locator('#year-from').dispatchEvent('change');
    await settled();
    expect(new URL(page.url()).searchParams.get('from')).toBe('2021');
    expect(await count()).toBe(3);
    const asked = posted.filter((p) => p.query.includes('whoUses')).at(-1)!;
    expect(asked.variables).toMatchObject({
      collection: 'dated-papers.jsonl',
      publishedFrom: '2021',
    });
    // The start view counts the same papers: the map of the dated papers alone.
    await page.evaluate(() => window.papergraph.navigate('?collection=dated-papers.jsonl'));
    await settled();
    const mapNodes = await page.evaluate(() => window.papergraph.nodes());
    expect(mapNodes.map((n) => n.id)).toContain('concept:adam');
    expect(mapNodes.map((n) => n.id)).not.toContain('concept:sophia');
  });

  test('a concept panel plots its papers per year', async () => {
    await page.evaluate(() => window.papergraph.navigate('?at=concept:adam&node=concept:adam'));
    await settled();
    const panel = page.getByTestId('concept-panel');
    await expect.poll(() => panel.getByTestId('trend').count()).toBe(1);
    const papers = await panel
      .getByTestId('trend')
      .locator('rect')
      .evaluateAll((bars) =>
        bars.reduce((sum, b) => sum + Number(b.getAttribute('data-papers')), 0),
      );
    expect(papers).toBeGreaterThan(0);
  });

  test('search suggestions give kind, paper count and family, the best-supported concept first', async () => {
    await page.fill('#search-input', '');
    await page.fill('#search-input', 'Adam');
    const first = page.locator('#search-options [role=option]').first();
    await first.waitFor();
    expect(await first.getAttribute('data-id')).toBe('concept:adam');
    expect(await first.getByTestId('hit-facts').textContent()).toMatch(/\d+ papers?/);
    const concepts = page.locator('#search-options [role=option]:not([data-kind=PAPER])');
    const counts = (await concepts.getByTestId('hit-facts').allTextContents()).map((t) =>
      Number(/(\d+) paper/.exec(t)?.[1]),
    );
    expect(counts[0]).toBe(Math.max(...counts));
  });

  test('10,000 elements draw through the worker layout and stay pannable (20,000: npm run bench:ui)', async () => {
    const { syntheticSlice } = await import('../../bench/synthetic-slice.ts');
    for (const size of [10_000]) {
      await page.evaluate((slice) => window.papergraph.renderSlice(slice), syntheticSlice(size, 7));
      const timing = await page.evaluate(() => window.papergraph.timing());
      expect(timing?.layout).toBe('clusters (worker)');
      const count = await page.evaluate(() => window.papergraph.count());
      expect(count.nodes + count.edges).toBeGreaterThan(size * 0.95);
      // Fitted to the screen, most labels are under the legibility floor: none may overlap.
      await expectLabelsApart(0);
      const [{ id }] = await page.evaluate(() => window.papergraph.nodes());
      const before = await page.evaluate((n) => window.papergraph.pagePoint(n), id);
      await page.evaluate(() => window.papergraph.panBy(40, 0));
      const after = await page.evaluate((n) => window.papergraph.pagePoint(n), id);
      expect(after!.x - before!.x).toBeCloseTo(40);
    }
  }, 300_000);
});
