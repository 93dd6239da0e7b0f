// Export benchmark (not a timed test): `papergraph export` of the synthetic benchmark graph in
// each format, each in a process of its own (wall time, peak RSS, size written), beside the graph's
// counts. The graph is built once and kept (open-bench-graph.ts).
// Usage: npm run bench:export -- [--papers N] [--only NAME] [--json] [--as-is]
// --as-is measures the graph as far as it was built, without building the rest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONCEPT_KINDS } from '../src/domain.ts';
import { exportGraph } from '../src/export/export-graph.ts';
import { exportWhoUses } from '../src/export/export-who-uses.ts';
import type { ExportFormatName } from '../src/export/graph-format.ts';
import { connectNeo4j } from '../src/store/connect-neo4j.ts';
import { graphStats } from '../src/store/graph-stats.ts';
import { openBenchGraph } from './open-bench-graph.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '100000' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    'as-is': { type: 'boolean', default: false },
    // Internal: run one case and print its figures as JSON.
    child: { type: 'string' },
    uri: { type: 'string' },
    out: { type: 'string' },
  },
});

interface Case {
  name: string;
  format: ExportFormatName | 'bibtex';
  projection?: 'concepts';
}

const CASES: Case[] = [
  { name: 'graphml', format: 'graphml' },
  { name: 'csv', format: 'csv' },
  { name: 'jsonl', format: 'jsonl' },
  { name: 'graphml --projection concepts', format: 'graphml', projection: 'concepts' },
  { name: 'bibtex --who-uses Adam', format: 'bibtex' },
];

const sizeOf = (target: string): number =>
  statSync(target).isDirectory()
    ? readdirSync(target).reduce((sum, f) => sum + statSync(path.join(target, f)).size, 0)
    : statSync(target).size;

async function runChild(c: Case, uri: string, out: string) {
  const connection = await connectNeo4j({ uri });
  const started = performance.now();
  let counts: { nodes: number; edges: number };
  if (c.format === 'bibtex') {
    const { papers } = await exportWhoUses(connection, 'Adam', null, out);
    counts = { nodes: papers, edges: 0 };
  } else {
    counts = await exportGraph(connection, {
      format: c.format,
      filter: { kinds: CONCEPT_KINDS, minPapers: null, since: null, collection: null },
      projection: c.projection ?? null,
      out,
    });
  }
  const seconds = (performance.now() - started) / 1000;
  await connection.close();
  console.log(
    JSON.stringify({
      ...counts,
      seconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      megabytes: sizeOf(out) / 1e6,
    }),
  );
}

async function main() {
  const log = (line: string) => {
    if (!values.json) console.log(line);
  };
  const papers = Number(values.papers);
  const graph = await openBenchGraph(papers, log, { build: !values['as-is'] });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-export-bench-'));
  const figures: Record<string, unknown> = { papers: graph.present };
  try {
    const stats = await graphStats(graph.connection, 1);
    figures.graph = { nodes: stats.nodes, relationships: stats.relationships };
    log(`graph of ${graph.present} papers: ${JSON.stringify(figures.graph)}`);
    for (const c of CASES.filter((c) => !values.only || c.name.startsWith(values.only))) {
      const out = path.join(dir, c.name.replace(/\W+/g, '-'));
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          import.meta.filename,
          '--child',
          c.name,
          '--uri',
          graph.boltUrl,
          '--out',
          out,
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      if (child.status !== 0) throw new Error(`${c.name}: the export process failed`);
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
      figures[c.name] = result;
      log(
        `${c.name.padEnd(30)} ${result.seconds.toFixed(1)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB, ` +
          `${result.nodes} nodes, ${result.edges} edges, ${result.megabytes.toFixed(1)} MB written`,
      );
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await graph.close();
  }
  if (values.json) console.log(JSON.stringify(figures, null, 2));
}

if (values.child) {
  const c = CASES.find((c) => c.name === values.child);
  if (!c || !values.uri || !values.out) throw new Error(`unknown case ${values.child}`);
  await runChild(c, values.uri, values.out);
} else {
  await main();
}
