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

/** A GraphML download read with a real XML parser: its nodes and edges. */
function parseGraphml(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  const graph = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name, _path, _leaf, attribute) =>
      !attribute && ['node', 'edge', 'data'].includes(name),
  }).parse(text).graphml.graph;
  return {
    nodes: graph.node ?? [],
    edges: (graph.edge ?? []) as { data: { key: string; '#text': unknown }[] }[],
  };
}

/** A CSV download (a zip of nodes.csv and edges.csv) read with a real CSV parser. */
function parseCsvZip(bytes: Buffer) {
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv']);
  const read = (name: string) =>
    parseCsv(strFromU8(files[name]), { columns: true }) as Record<string, string>[];
  return { nodes: read('nodes.csv'), edges: read('edges.csv') };
}

test('GraphML and CSV of the start view: the concepts drawn and their co-use, counted in papers', async () => {
  await page.goto(base);
  await settled();
  const drawn = await page.evaluate(() => window.papergraph.count());

  const graphml = await downloadOf(() => page.click('#export-graphml'));
  expect(graphml.name).toBe('papergraph.graphml');
  const graph = parseGraphml(graphml.bytes.toString('utf8'));
  expect(graph.nodes).toHaveLength(drawn.nodes);
  expect(graph.edges).toHaveLength(drawn.edges);

  const csv = await downloadOf(() => page.click('#export-csv'));
  expect(csv.name).toBe('papergraph-csv.zip');
  const { nodes, edges } = parseCsvZip(csv.bytes);
  expect(nodes).toHaveLength(drawn.nodes);
  expect(edges).toHaveLength(drawn.edges);
  // The map's grey lines are co-use, weighted by the papers that name both (two at least).
  const coUse = edges.filter((e) => e.Relation === 'CO_USE');
  expect(coUse.length).toBeGreaterThan(0);
  for (const edge of coUse) expect(Number(edge.Weight)).toBeGreaterThanOrEqual(2);
});

test("GraphML and CSV of a concept's papers: the links drawn, with their evidence", async () => {
  await page.evaluate(() => window.papergraph.navigate('?at=concept:adam'));
  await settled();
  const drawn = await page.evaluate(() => window.papergraph.count());
  const graphml = await downloadOf(() => page.click('#export-graphml'));
  const text = graphml.bytes.toString('utf8');
  expect(parseGraphml(text).edges).toHaveLength(drawn.edges);
  expect(text).toContain('<data key="e_sentence">');
  const { edges } = parseCsvZip((await downloadOf(() => page.click('#export-csv'))).bytes);
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
