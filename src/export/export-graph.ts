// `papergraph export`: the graph, or its filtered part, streamed from the store into files.
import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Neo4jConnection } from '../store/connect-neo4j.ts';
import {
  readConceptProjection,
  readExportEdges,
  readExportNodes,
  type ExportFilter,
  type ExportNode,
} from '../store/export-reads.ts';
import { csvFormat } from './csv-format.ts';
import type { ExportFormatName, GraphFormat } from './graph-format.ts';
import { graphmlFormat } from './graphml-format.ts';
import { jsonlFormat } from './jsonl-format.ts';
import { writeGraph, type TextSink, type WriteCounts } from './write-graph.ts';

export interface ExportOptions {
  format: ExportFormatName;
  filter: ExportFilter;
  /** `concepts`: concept nodes only, with co-use and concept-level lineage edges. */
  projection: 'concepts' | null;
  /** A file (GraphML, JSON Lines) or a directory (CSV: nodes.csv and edges.csv in it). */
  out: string;
  onProgress?: (counts: WriteCounts) => void;
}

const NOT_CONCEPTS = new Set(['paper', 'claim', 'author']);

/** The format, and the directory and file names its files take for `out`. */
function placeFormat(name: ExportFormatName, out: string): { format: GraphFormat; dir: string } {
  if (name === 'csv') return { format: csvFormat(), dir: out };
  const file = path.basename(out);
  return {
    format: name === 'graphml' ? graphmlFormat(file) : jsonlFormat(file),
    dir: path.dirname(out),
  };
}

/** A file written through a `.partial` beside it, renamed into place only once complete. */
function fileSink(file: string, partials: string[]): TextSink {
  const partial = `${file}.partial`;
  partials.push(partial);
  const stream: WriteStream = createWriteStream(partial, { encoding: 'utf8' });
  let failure: Error | null = null;
  stream.on('error', (error) => (failure = error));
  return {
    async write(text) {
      if (failure) throw failure;
      // `once` rejects when the stream fails while waiting.
      if (!stream.write(text)) await once(stream, 'drain');
      if (failure) throw failure;
    },
    async close() {
      stream.end();
      await once(stream, 'finish');
      if (failure) throw failure;
    },
  };
}

/**
 * Streams the export into its files: nodes, then the edges among them. Memory holds one page of
 * rows and the ids of the exported concepts (edges to other concepts are left out), never the
 * graph. Files appear whole or not at all: an export that fails leaves what was there before.
 */
export async function exportGraph(
  connection: Neo4jConnection,
  options: ExportOptions,
): Promise<WriteCounts> {
  const { format, dir } = placeFormat(options.format, options.out);
  if (options.format === 'csv') mkdirSync(dir, { recursive: true });
  const concepts = new Set<string>();
  const counts: WriteCounts = { nodes: 0, edges: 0 };
  async function* nodes(): AsyncGenerator<ExportNode[]> {
    for await (const page of readExportNodes(connection, options.filter, {
      conceptsOnly: options.projection === 'concepts',
    })) {
      for (const node of page) if (!NOT_CONCEPTS.has(node.kind)) concepts.add(node.id);
      counts.nodes += page.length;
      options.onProgress?.(counts);
      yield page;
    }
  }
  async function* edges() {
    const read = options.projection === 'concepts' ? readConceptProjection : readExportEdges;
    for await (const page of read(connection, options.filter, concepts)) {
      counts.edges += page.length;
      options.onProgress?.(counts);
      yield page;
    }
  }
  const partials: string[] = [];
  try {
    const written = await writeGraph(format, nodes(), edges, (file) =>
      fileSink(path.join(dir, file), partials),
    );
    for (const partial of partials) renameSync(partial, partial.slice(0, -'.partial'.length));
    return written;
  } finally {
    for (const partial of partials) rmSync(partial, { force: true });
  }
}
