import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { csvFormat } from '../../src/export/csv-format.ts';
import { graphmlFormat } from '../../src/export/graphml-format.ts';
import { jsonlFormat } from '../../src/export/jsonl-format.ts';
import { toBibtex } from '../../src/export/to-bibtex.ts';
import { renderGraph } from '../../src/export/write-graph.ts';
import type { BibRecord, ExportEdge, ExportNode } from '../../src/store/export-reads.ts';

const HOSTILE = [
  'Quotes "inside", commas, and more',
  'A line\nbreak and a\r\ncarriage return',
  'Non-ASCII: naïve café, 中文, Ελληνικά, emoji 🚀',
  'Markup <b>&amp;</b> & <script>alert("x")</script>',
  "Apostrophe's and 'single' quotes; semicolons",
  'TeX: 50% of $x_1$ & {braces} #1 ~ ^ \\cite{x}',
];
const CONTROL = 'Control\u0001char\u0008s\u001F and\u007F a lone \uD800 surrogate';

const node = (id: string, label: string, extra: Partial<ExportNode> = {}): ExportNode => ({
  id,
  kind: 'paper',
  label,
  year: 2024,
  published: '2024-03-14',
  venue: null,
  url: null,
  externalIds: [],
  stub: false,
  collections: [],
  aliases: [],
  papers: null,
  claimKind: null,
  value: null,
  unit: null,
  text: null,
  ...extra,
});

const NODES: ExportNode[] = [
  ...HOSTILE.map((title, i) => node(`paper:${i}`, title)),
  node('paper:"<&>"', CONTROL),
  node('concept:adam', 'Adam', {
    kind: 'method',
    year: null,
    published: null,
    aliases: ['Adam', 'ADAM optimiser'],
    papers: 7,
  }),
];
const EDGES: ExportEdge[] = HOSTILE.map((sentence, i) => ({
  id: `paper:${i}|USES|concept:adam`,
  source: `paper:${i}`,
  target: 'concept:adam',
  relation: 'USES',
  role: 'uses',
  confidence: 0.85,
  via: null,
  weight: 1,
  directed: true,
  evidence: [
    {
      field: 'abstract',
      start: 0,
      end: 4,
      text: 'Adam',
      sentence,
      rule: 'lexicon',
      confidence: 0.85,
    },
    {
      field: 'title',
      start: 1,
      end: 5,
      text: 'Adam',
      sentence: 'second',
      rule: 'lexicon',
      confidence: 0.85,
    },
  ],
}));

/** What the text is once control characters are stripped, as every format strips them. */
// eslint-disable-next-line no-control-regex
const clean = (text: string) => text.replace(/[\u0001\u0008\u001F\u007F]|\uD800/g, '');

describe('GraphML', () => {
  test('is valid XML whose keys are declared with types and whose values come back exactly', async () => {
    const files = await renderGraph(graphmlFormat('g.graphml'), NODES, EDGES);
    const text = files.get('g.graphml')!;
    expect(XMLValidator.validate(text)).toBe(true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      trimValues: false,
      htmlEntities: true,
      isArray: (name, _path, _leaf, attribute) =>
        !attribute && ['key', 'node', 'edge', 'data'].includes(name),
    }).parse(text);
    const keys = xml.graphml.key.map(
      (k: Record<string, string>) => `${k.for}:${k['attr.name']}:${k['attr.type']}`,
    );
    expect(keys).toContain('node:label:string');
    expect(keys).toContain('node:year:int');
    expect(keys).toContain('edge:confidence:double');
    expect(keys).toContain('edge:weight:double');
    const graph = xml.graphml.graph[0] ?? xml.graphml.graph;
    expect(graph.edgedefault).toBe('directed');
    const labels = graph.node.map(
      (n: { data: { key: string; '#text': string }[] }) =>
        n.data.find((d) => d.key === 'n_label')?.['#text'],
    );
    expect(labels).toEqual(NODES.map((n) => clean(n.label)));
    expect(graph.node.map((n: { id: string }) => n.id)).toEqual(NODES.map((n) => n.id));
    const sentences = graph.edge.map(
      (e: { data: { key: string; '#text': string }[] }) =>
        e.data.find((d) => d.key === 'e_sentence')?.['#text'],
    );
    expect(sentences).toEqual(HOSTILE);
  });
});

describe('CSV', () => {
  test('Gephi headers, RFC 4180 quoting, every hostile value back exactly', async () => {
    const files = await renderGraph(csvFormat(), NODES, EDGES);
    const nodes = parseCsv(files.get('nodes.csv')!, { columns: true }) as Record<string, string>[];
    const edges = parseCsv(files.get('edges.csv')!, { columns: true }) as Record<string, string>[];
    expect(Object.keys(nodes[0]).slice(0, 3)).toEqual(['Id', 'Label', 'Kind']);
    expect(Object.keys(edges[0]).slice(0, 5)).toEqual(['Source', 'Target', 'Type', 'Weight', 'Id']);
    expect(nodes.map((n) => n.Label)).toEqual(NODES.map((n) => clean(n.label)));
    expect(nodes.at(-1)).toMatchObject({
      Id: 'concept:adam',
      Kind: 'method',
      Papers: '7',
      Aliases: 'Adam; ADAM optimiser',
      Year: '',
    });
    expect(edges.map((e) => e.Sentence)).toEqual(HOSTILE);
    expect(edges[0]).toMatchObject({
      Type: 'Directed',
      Weight: '1',
      Relation: 'USES',
      Role: 'uses',
      Confidence: '0.85',
    });
    expect(files.get('edges.csv')!.split('\r\n')[0]).toBe(
      'Source,Target,Type,Weight,Id,Relation,Role,Confidence,Via,Sentence',
    );
  });
});

describe('JSON Lines', () => {
  test('one object a line, each edge with all its evidence', async () => {
    const text = (await renderGraph(jsonlFormat('g.jsonl'), NODES, EDGES)).get('g.jsonl')!;
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(NODES.length + EDGES.length);
    expect(lines.slice(0, NODES.length).map((l) => l.label)).toEqual(
      NODES.map((n) => n.label.replace(/\uD800/, '\uFFFD').replace('\uFFFD', '\uD800')),
    );
    expect(lines.at(-1)).toMatchObject({
      type: 'edge',
      relation: 'USES',
      evidence: [{ sentence: HOSTILE.at(-1) }, { sentence: 'second' }],
    });
  });
});

const record = (id: string, title: string, extra: Partial<BibRecord> = {}): BibRecord => ({
  id,
  title,
  authors: ['Jane Müller', 'Bo Li'],
  year: 2024,
  venue: null,
  url: null,
  ids: [id],
  ...extra,
});

describe('BibTeX', () => {
  test('a BibTeX parser reads back titles, authors, years and ids; keys are unique', () => {
    const records = [
      ...HOSTILE.map((title, i) => record(`daily:${i}`, title)),
      record('arxiv:2403.01234', 'Adam Again', {
        ids: ['arxiv:2403.01234', 'doi:10.1000/x_y{z}'],
        url: null,
      }),
      record('doi:10.1/a', 'Adam Again', {
        ids: ['doi:10.1/a'],
        authors: [],
        year: null,
        venue: 'NeurIPS & co',
      }),
    ];
    const text = toBibtex(records);
    // Titles as written: without this the parser sentence-cases English titles, as Zotero wants.
    const { entries, errors } = parseBibtex(text, { sentenceCase: false });
    expect(errors).toEqual([]);
    expect(entries.map((e) => e.fields.title)).toEqual(
      records.map((r) => r.title.replace(/\s+/g, ' ')),
    );
    expect(new Set(entries.map((e) => e.key)).size).toBe(records.length);
    expect(entries.map((e) => e.key).slice(-3)).toMatchInlineSnapshot(`
      [
        "muller2024tex",
        "muller2024adam",
        "adam",
      ]
    `);
    expect(entries[0].fields.author).toEqual([
      { firstName: 'Jane', lastName: 'Müller' },
      { firstName: 'Bo', lastName: 'Li' },
    ]);
    expect(entries.at(-2)!.fields).toMatchObject({
      eprint: '2403.01234',
      archiveprefix: 'arXiv',
      doi: '10.1000/x_y%7Bz%7D',
      url: 'https://arxiv.org/abs/2403.01234',
      year: '2024',
    });
    expect(entries.at(-1)!.fields).toMatchObject({
      doi: '10.1/a',
      howpublished: 'NeurIPS & co',
      note: 'papergraph: doi:10.1/a',
    });
  });

  test('keys already in the file are not reused', () => {
    const used = new Set<string>();
    toBibtex([record('a', 'Same title')], used);
    const second = toBibtex([record('b', 'Same title')], used);
    expect(second).toMatch(/^@misc\{muller2024samea,/);
  });
});
