import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import { CONCEPT_KINDS } from '../../src/domain.ts';
import { exportGraph } from '../../src/export/export-graph.ts';
import { exportWhoUses } from '../../src/export/export-who-uses.ts';
import type { ExportFormatName } from '../../src/export/graph-format.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { addPapersToCollection } from '../../src/store/collections.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import type { ExportFilter } from '../../src/store/export-reads.ts';
import { whoUses } from '../../src/store/who-uses.ts';
import { graphql } from '../gql/index.ts';
import { dbTest } from '../support/db-test.ts';
import { createGraphQLClient } from '../support/graphql-client.ts';
import { runCli } from '../support/run-cli.ts';
import { asResults, SEED_FILE } from '../support/seed-results.ts';
import { countGraph } from '../support/test-database.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-export-'));
const HOSTILE_TITLE = 'Adam, "Again": <&> naïve café 中文 — a comma, a quote';
const ALL: ExportFilter = { kinds: CONCEPT_KINDS, minPapers: null, since: null, collection: null };

interface JsonNode {
  type: 'node';
  id: string;
  kind: string;
  label: string;
  papers: number | null;
  year: number | null;
  collections: string[];
}
interface JsonEdge {
  type: 'edge';
  id: string;
  source: string;
  target: string;
  relation: string;
  weight: number;
  evidence: { sentence: string }[];
}

let exports = 0;
const test = dbTest
  /** Exports the graph to a fresh file (a folder for CSV) in the format asked. */
  .extend(
    'exportTo',
    { scope: 'file' },
    async ({ connection }) =>
      async (
        format: ExportFormatName,
        filter: Partial<ExportFilter> = {},
        projection: 'concepts' | null = null,
      ) => {
        exports += 1;
        const out = path.join(
          dir,
          format === 'csv' ? `csv-${exports}` : `export-${exports}.${format}`,
        );
        const counts = await exportGraph(connection, {
          format,
          filter: { ...ALL, ...filter },
          projection,
          out,
        });
        return { out, counts };
      },
  )
  /** A JSON Lines export read back, checking every edge's ends were exported. */
  .extend(
    'exportJson',
    { scope: 'file' },
    async ({ exportTo }) =>
      async (filter: Partial<ExportFilter> = {}, projection: 'concepts' | null = null) => {
        const { out } = await exportTo('jsonl', filter, projection);
        const lines = readFileSync(out, 'utf8')
          .trimEnd()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as JsonNode | JsonEdge);
        const nodes = lines.filter((l): l is JsonNode => l.type === 'node');
        const edges = lines.filter((l): l is JsonEdge => l.type === 'edge');
        const ids = new Set(nodes.map((n) => n.id));
        for (const edge of edges) {
          expect(ids.has(edge.source), `${edge.id}: source exported`).toBe(true);
          expect(ids.has(edge.target), `${edge.id}: target exported`).toBe(true);
        }
        return { nodes, edges };
      },
  );

// Every test reads the seed plus one paper whose title and authors every format must escape.
test.beforeAll(async ({ connection, pool }) => {
  await ingestPapers(connection, readSources([SEED_FILE]), { pool });
  await ingestPapers(
    connection,
    asResults([
      {
        id: 'hostile',
        title: HOSTILE_TITLE,
        abstract: 'We train ResNet-50 with Adam on ImageNet and compare against SGD.',
        authors: ["Zoë O'Brien-Łukasz", 'Jean "JJ" Dupont'],
        published: '2019-05-01',
      },
    ]),
    { pool, collection: 'reading list' },
  );
}, 600_000);

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name, _path, _leaf, attribute) =>
    !attribute && ['key', 'node', 'edge', 'data'].includes(name),
});
type Row = Record<string, string>;
type XmlData = { key: string; '#text': string }[];
const dataOf = (element: { data?: XmlData }) =>
  Object.fromEntries((element.data ?? []).map((d) => [d.key, d['#text']]));

describe('the whole graph', () => {
  test('GraphML: every node and link, typed keys, attributes as stored', async ({
    connection,
    query,
    exportTo,
  }) => {
    const { out, counts } = await exportTo('graphml');
    const text = readFileSync(out, 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const graphml = xml.parse(text).graphml;
    const graph = graphml.graph;
    const stored = await countGraph(connection);
    // Collections are a paper's attribute in an export, not nodes of their own.
    const rels = Object.entries(stored)
      .filter(([key]) => /^[A-Z_]+$/.test(key) && key !== 'IN_COLLECTION')
      .reduce((sum, [, n]) => sum + n, 0);
    expect(graph.node).toHaveLength(
      stored.Paper + stored.Concept + stored.Claim + (stored.Author ?? 0),
    );
    expect(graph.edge).toHaveLength(rels);
    expect(counts).toEqual({ nodes: graph.node.length, edges: graph.edge.length });
    expect(
      graphml.key.map(
        (k: Record<string, string>) => `${k.for} ${k['attr.name']} ${k['attr.type']}`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "node label string",
        "node kind string",
        "node year int",
        "node published string",
        "node venue string",
        "node url string",
        "node externalIds string",
        "node stub boolean",
        "node collections string",
        "node aliases string",
        "node papers int",
        "node claimKind string",
        "node value string",
        "node unit string",
        "node text string",
        "edge relation string",
        "edge weight double",
        "edge role string",
        "edge confidence double",
        "edge via string",
        "edge sentence string",
      ]
    `);

    const hostile = graph.node.find((n: Row) => n.id === 'hostile');
    expect(dataOf(hostile)).toMatchObject({
      n_label: HOSTILE_TITLE,
      n_kind: 'paper',
      n_year: '2019',
    });
    const [link] = await query(
      `MATCH (:Paper {id: 'hostile'})-[r]->(c:Concept {id: 'concept:adam'})
       RETURN type(r) AS type, r.role AS role, r.confidence AS confidence, r.sentence AS sentence`,
    );
    const edge = graph.edge.find(
      (e: { source: string; target: string }) =>
        e.source === 'hostile' && e.target === 'concept:adam',
    );
    expect(dataOf(edge)).toMatchObject({
      e_relation: link.type,
      e_role: link.role,
      e_confidence: String(link.confidence),
      e_sentence: link.sentence,
      e_weight: '1',
    });
    const [adam] = await query(
      `MATCH (c:Concept {id: 'concept:adam'})
       RETURN c.name AS name, COUNT { (c)<-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-() } AS papers`,
    );
    expect(dataOf(graph.node.find((n: Row) => n.id === 'concept:adam'))).toMatchObject({
      n_label: adam.name,
      n_kind: 'method',
      n_papers: String(adam.papers),
    });
  });

  test('CSV: nodes.csv and edges.csv read back by a CSV parser, the same rows as GraphML', async ({
    exportTo,
  }) => {
    const { out, counts } = await exportTo('csv');
    const nodes = parseCsv(readFileSync(path.join(out, 'nodes.csv')), { columns: true }) as Row[];
    const edges = parseCsv(readFileSync(path.join(out, 'edges.csv')), { columns: true }) as Row[];
    expect({ nodes: nodes.length, edges: edges.length }).toEqual(counts);
    expect(nodes.find((n) => n.Id === 'hostile')).toMatchObject({
      Label: HOSTILE_TITLE,
      Kind: 'paper',
      Year: '2019',
    });
    const authors = nodes.filter((n) => n.Kind === 'author').map((n) => n.Label);
    expect(authors).toContain('Jean "JJ" Dupont');
    expect(new Set(edges.map((e) => e.Type))).toEqual(new Set(['Directed']));
    expect(edges.some((e) => e.Relation === 'WROTE')).toBe(true);
  });

  test('JSON Lines: every line parses, each link with all its evidence', async ({
    connection,
    query,
    exportJson,
  }) => {
    const { nodes, edges } = await exportJson();
    const stored = await countGraph(connection);
    expect(nodes.filter((n) => n.kind === 'paper')).toHaveLength(stored.Paper);
    const rows = await query(
      `MATCH (p:Paper)-[r:USES|COMPARES|EVALUATES_ON]->(c:Concept)
       RETURN p.id + '|' + type(r) + '|' + c.id AS id, r.mentions AS mentions`,
    );
    expect(rows.length).toBeGreaterThan(10);
    const byId = new Map(edges.map((e) => [e.id, e]));
    for (const row of rows) {
      const mentions = JSON.parse(row.mentions as string) as { sentence: string }[];
      expect(byId.get(row.id as string)?.evidence.map((e) => e.sentence)).toEqual(
        mentions.map((m) => m.sentence),
      );
    }
  });
});

describe('filters', () => {
  test('--kinds: only concepts of those kinds, and no link to any other', async ({
    query,
    exportJson,
  }) => {
    const { nodes, edges } = await exportJson({ kinds: ['dataset', 'task'] });
    const concepts = nodes.filter((n) => !['paper', 'claim', 'author'].includes(n.kind));
    expect(new Set(concepts.map((n) => n.kind))).toEqual(new Set(['dataset', 'task']));
    const [{ n }] = await query(
      `MATCH (c:Concept) WHERE c.kind IN ['dataset', 'task'] RETURN count(c) AS n`,
    );
    expect(concepts).toHaveLength(Number(n));
    expect(edges.some((e) => e.relation === 'EVALUATES_ON')).toBe(true);
  });

  test('--min-papers: only concepts that many papers link directly', async ({
    query,
    exportJson,
  }) => {
    const { nodes } = await exportJson({ minPapers: 3 });
    const rows = await query(
      `MATCH (c:Concept) WITH c, COUNT { (c)<-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-() } AS n
       WHERE n >= 3 RETURN c.id AS id, n ORDER BY id`,
    );
    const concepts = nodes.filter((n) => n.papers !== null);
    expect(concepts.map((c) => [c.id, c.papers]).sort()).toEqual(
      rows.map((r) => [r.id, Number(r.n)]).sort(),
    );
    expect(rows.length).toBeGreaterThan(2);
  });

  test('--since: papers of that year or later, and only the concepts they link', async ({
    query,
    exportJson,
  }) => {
    const { nodes } = await exportJson({ since: 2020 });
    const papers = nodes.filter((n) => n.kind === 'paper');
    expect(papers.map((p) => p.id)).not.toContain('hostile');
    expect(papers.every((p) => p.year !== null && p.year >= 2020)).toBe(true);
    const [{ n }] = await query(`MATCH (p:Paper) WHERE p.year >= 2020 RETURN count(p) AS n`);
    expect(papers).toHaveLength(Number(n));
    const old = await exportJson({ since: 2000 });
    expect(old.nodes.map((p) => p.id)).toContain('hostile');
  });

  test('--collection: the papers of the collection, their concepts, claims and authors', async ({
    connection,
    query,
    exportJson,
  }) => {
    const members = (await query(`MATCH (p:Paper) RETURN p.id AS id ORDER BY id LIMIT 3`)).map(
      (r) => r.id as string,
    );
    await addPapersToCollection(connection, members, 'reading list');
    const { nodes, edges } = await exportJson({ collection: 'reading list' });
    expect(
      nodes
        .filter((n) => n.kind === 'paper')
        .map((n) => n.id)
        .sort(),
    ).toEqual([...members, 'hostile'].sort());
    const linked = await query(
      `MATCH (:Collection {name: 'reading list'})<-[:IN_COLLECTION]-(p:Paper)-[r]->(c:Concept)
       RETURN count(r) AS links, count(DISTINCT c) AS concepts`,
    );
    expect(
      edges.filter((e) => e.target.startsWith('concept:') && !e.source.startsWith('concept:')),
    ).toHaveLength(Number(linked[0].links));
    expect(nodes.filter((n) => n.papers !== null).length).toBeGreaterThanOrEqual(
      Number(linked[0].concepts),
    );
    expect(nodes.map((n) => n.label)).toContain('Jean "JJ" Dupont');
    expect(nodes.find((n) => n.id === 'hostile')).toMatchObject({ collections: ['reading list'] });
    const none = await exportJson({ collection: 'no such list' });
    expect(none.nodes).toEqual([]);
  });
});

describe('--projection concepts', () => {
  test('co-use weights are the papers that link both; lineage weights the BUILDS_ON links between their papers', async ({
    query,
    exportJson,
  }) => {
    const { nodes, edges } = await exportJson({}, 'concepts');
    expect(new Set(nodes.map((n) => n.kind)).has('paper')).toBe(false);
    const coUse = await query(
      `MATCH (a:Concept)<-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-(p:Paper)
             -[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]->(b:Concept)
       WHERE a.id < b.id RETURN a.id + '|CO_USE|' + b.id AS id, count(DISTINCT p) AS n`,
    );
    const weights = (relation: string) =>
      Object.fromEntries(edges.filter((e) => e.relation === relation).map((e) => [e.id, e.weight]));
    expect(weights('CO_USE')).toEqual(Object.fromEntries(coUse.map((r) => [r.id, Number(r.n)])));
    expect(coUse.length).toBeGreaterThan(50);
    const lineage = await query(
      `MATCH (x:Concept)<-[:PROPOSES]-(:Paper)-[r:BUILDS_ON]->(:Paper) WHERE r.via <> x.id
       RETURN x.id + '|BUILDS_ON|' + r.via AS id, count(*) AS n`,
    );
    expect(weights('BUILDS_ON')).toEqual(
      Object.fromEntries(lineage.map((r) => [r.id, Number(r.n)])),
    );
  });
});

describe('BibTeX of a whoUses answer', () => {
  test('every paper that uses Adam, read back by a BibTeX parser', async ({ connection }) => {
    const out = path.join(dir, 'adam.bib');
    const { technique, papers } = await exportWhoUses(connection, 'Adam', null, out);
    const answer = await whoUses(connection, 'Adam', null, 1000, 0);
    const expected = [...new Set(answer.page.items.map((i) => i.paper.id))];
    expect(technique).toBe('Adam');
    expect(papers).toBe(expected.length);
    const { entries, errors } = parseBibtex(readFileSync(out, 'utf8'), { sentenceCase: false });
    expect(errors).toEqual([]);
    expect(entries.map((e) => e.fields.note)).toEqual(expected.map((id) => `papergraph: ${id}`));
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
    const hostile = entries.find((e) => e.fields.note === 'papergraph: hostile')!;
    expect(hostile.fields).toMatchObject({ title: HOSTILE_TITLE, year: '2019' });
    expect(hostile.fields.author).toContainEqual({ firstName: 'Jean "JJ"', lastName: 'Dupont' });
  });

  test('within a collection: only its papers', async ({ connection, query }) => {
    const out = path.join(dir, 'adam-reading-list.bib');
    await exportWhoUses(connection, 'Adam', null, out, { collection: 'reading list' });
    const { entries } = parseBibtex(readFileSync(out, 'utf8'), { sentenceCase: false });
    const members = await query(
      `MATCH (p:Paper)-[:IN_COLLECTION]->(:Collection {name: 'reading list'}) RETURN p.id AS id`,
    );
    const ids = entries.map((e) => String(e.fields.note).replace('papergraph: ', ''));
    expect(ids).toContain('hostile');
    expect(members.map((m) => m.id)).toEqual(expect.arrayContaining(ids));
  });

  test('a name no concept has writes nothing and keeps the file there', async ({ connection }) => {
    const out = path.join(dir, 'kept.bib');
    writeFileSync(out, 'before');
    expect(await exportWhoUses(connection, 'No Such Thing', null, out)).toEqual({
      technique: null,
      papers: 0,
    });
    expect(readFileSync(out, 'utf8')).toBe('before');
  });
});

describe('the API', () => {
  const ExportView = graphql(`
    query ExportView($nodes: [ID!]!, $links: [ID!]!, $format: ExportFormat!) {
      exportView(nodes: $nodes, links: $links, format: $format) {
        name
        content
      }
    }
  `);
  const Bibtex = graphql(`
    query Bibtex($papers: [ID!]!) {
      bibtex(papers: $papers)
    }
  `);

  test("exportView: a view's nodes and the links among them, with evidence", async ({
    connection,
    query,
  }) => {
    const links = await query(
      `MATCH (p:Paper {id: 'hostile'})-[r]->(c:Concept) RETURN c.id AS id, type(r) AS type`,
    );
    const nodes = ['hostile', ...links.map((l) => l.id as string), 'no such node'];
    const linkIds = [
      ...links.map((l) => `hostile|${l.type}|${l.id}`),
      'hostile|USES|concept:not-drawn',
    ];
    const gql = createGraphQLClient(createApp({ connection }));
    const csv = await gql(ExportView, { nodes, links: linkIds, format: 'CSV' });
    expect(csv.errors).toBeUndefined();
    const files = Object.fromEntries(csv.data!.exportView.map((f) => [f.name, f.content]));
    expect(Object.keys(files)).toEqual(['nodes.csv', 'edges.csv']);
    const rows = parseCsv(files['nodes.csv'], { columns: true }) as Row[];
    expect(rows.map((r) => r.Id)).toEqual(nodes.slice(0, -1));
    expect(rows[0]).toMatchObject({ Label: HOSTILE_TITLE, Year: '2019' });
    const edges = parseCsv(files['edges.csv'], { columns: true }) as Row[];
    expect(edges).toHaveLength(links.length);
    expect(edges.every((e) => e.Sentence.length > 0)).toBe(true);

    const graphml = await gql(ExportView, { nodes, links: linkIds, format: 'GRAPHML' });
    const [file] = graphml.data!.exportView;
    expect(file.name).toBe('papergraph.graphml');
    expect(XMLValidator.validate(file.content)).toBe(true);
  });

  test('bibtex: the papers asked for, in order; too many ids is a clear error', async ({
    connection,
  }) => {
    const gql = createGraphQLClient(createApp({ connection }));
    const { data } = await gql(Bibtex, { papers: ['hostile', 'no such paper'] });
    const { entries } = parseBibtex(data!.bibtex, { sentenceCase: false });
    expect(entries.map((e) => e.fields.title)).toEqual([HOSTILE_TITLE]);
    const tooMany = await gql(Bibtex, {
      papers: Array.from({ length: 1001 }, (_, i) => `p${i}`),
    });
    expect(tooMany.errors?.[0].message).toBe('at most 1000 papers per call, got 1001');
  });
});

describe('the command', () => {
  test('papergraph export --format graphml writes a file NetworkX opens', async ({
    exportJson,
  }) => {
    const out = path.join(dir, 'cli.graphml');
    const result = await runCli([
      'export',
      '--format',
      'graphml',
      '--kinds',
      'method,dataset',
      out,
    ]);
    expect(result.stderr).toMatch(/export: \d+ nodes and \d+ edges ->/);
    expect(result.code).toBe(0);
    expect(XMLValidator.validate(readFileSync(out, 'utf8'))).toBe(true);
    const python = spawnSync(
      'python3',
      [
        '-c',
        'import sys, networkx as nx; g = nx.read_graphml(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges())',
        out,
      ],
      { encoding: 'utf8' },
    );
    if (python.status !== 0 && /No module named/.test(python.stderr)) return; // no NetworkX here
    expect(python.stderr).toBe('');
    const { nodes, edges } = await exportJson({ kinds: ['method', 'dataset'] });
    expect(python.stdout.trim()).toBe(`${nodes.length} ${edges.length}`);
  });

  test.for([
    {
      args: ['--format', 'bibtex', 'x.bib'],
      message: '--format bibtex and --who-uses <name> go together',
    },
    { args: ['--format', 'xml', 'x.xml'], message: 'expected one of graphml, csv, jsonl, bibtex' },
    {
      args: ['--format', 'csv', '--kinds', 'methods', 'x'],
      message: 'expected kinds from method, model',
    },
    {
      args: ['--format', 'jsonl', '/no/such/dir/x.jsonl'],
      message: 'cannot write /no/such/dir/x.jsonl: /no/such/dir is not a directory',
    },
    {
      args: ['--format', 'bibtex', '--who-uses', 'No Such Thing', path.join(dir, 'none.bib')],
      message: 'no concept is called "No Such Thing"',
    },
  ])('export $args fails: $message', async ({ args, message }) => {
    const result = await runCli(['export', ...args]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(message);
  });
});
