// The explorer's export buttons in real headless Chromium against the real server and a
// throwaway Neo4j with the seed loaded: what a download holds is read back with real parsers.
import { readFileSync } from 'node:fs';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from '../support/launch-chromium.ts';
import { serveSeedExplorer, type SeedExplorer } from '../support/serve-seed-explorer.ts';
import type {} from '../../ui/src/page-hooks.ts';

let explorer: SeedExplorer;
let browser: Browser;
let page: Page;
let base: string;

const settled = () => page.evaluate(() => window.papergraph.settled());
/** Clicks and returns the download's file name and bytes. */
async function downloadOf(click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

beforeAll(async () => {
  explorer = await serveSeedExplorer();
  ({ base } = explorer);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await explorer?.close();
});

test('GraphML and CSV of the start view: the nodes and links drawn, with their evidence', async () => {
  await page.goto(base);
  await settled();
  const drawn = await page.evaluate(() => window.papergraph.count());

  const graphml = await downloadOf(() => page.click('#export-graphml'));
  expect(graphml.name).toBe('papergraph.graphml');
  const text = graphml.bytes.toString('utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  const graph = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name, _path, _leaf, attribute) =>
      !attribute && ['node', 'edge', 'data'].includes(name),
  }).parse(text).graphml.graph;
  expect(graph.node).toHaveLength(drawn.nodes);
  expect(graph.edge).toHaveLength(drawn.edges);
  expect(text).toContain('<data key="e_sentence">');

  const csv = await downloadOf(() => page.click('#export-csv'));
  expect(csv.name).toBe('papergraph-csv.zip');
  const files = unzipSync(new Uint8Array(csv.bytes));
  expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv']);
  const nodes = parseCsv(strFromU8(files['nodes.csv']), { columns: true }) as Record<
    string,
    string
  >[];
  const edges = parseCsv(strFromU8(files['edges.csv']), { columns: true }) as Record<
    string,
    string
  >[];
  expect(nodes).toHaveLength(drawn.nodes);
  expect(edges).toHaveLength(drawn.edges);
  expect(edges.filter((e) => e.Sentence).length).toBeGreaterThan(0);
});

test('the who-uses panel saves its papers as BibTeX that a BibTeX parser reads', async () => {
  await page.fill('#who-uses-input', 'Adam');
  await page.press('#who-uses-input', 'Enter');
  await settled();
  const titles = await page.getByTestId('who-list').locator('li > button').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  const bib = await downloadOf(() => page.getByTestId('who-bibtex').click());
  expect(bib.name).toBe('who-uses-adam.bib');
  const { entries, errors } = parseBibtex(bib.bytes.toString('utf8'), { sentenceCase: false });
  expect(errors).toEqual([]);
  expect(entries.map((e) => e.fields.title)).toEqual(titles);

  // The answer's drawing exports with the links the server knows it by.
  const graphml = await downloadOf(() => page.click('#export-graphml'));
  const text = graphml.bytes.toString('utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  expect(text.match(/<edge /g)?.length ?? 0).toBeGreaterThanOrEqual(titles.length);
  expect(text).toContain('<data key="e_relation">USES</data>');
});
