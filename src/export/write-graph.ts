// Drives a format over nodes and edges, page by page, into text sinks (files or strings).
import type { ExportEdge, ExportNode } from '../store/export-reads.ts';
import type { GraphFormat } from './graph-format.ts';

/** Where a file's text goes; `write` resolves when the sink can take more (backpressure). */
export interface TextSink {
  write(text: string): Promise<void> | void;
  close(): Promise<void> | void;
}

export interface WriteCounts {
  nodes: number;
  edges: number;
}

type Pages<T> = AsyncIterable<T[]> | Iterable<T[]>;

/**
 * Writes every node, then every edge. `edges` is called once the nodes are written: what the
 * edges keep may depend on the nodes read (the concepts a filter left in).
 */
export async function writeGraph(
  format: GraphFormat,
  nodes: Pages<ExportNode>,
  edges: () => Pages<ExportEdge>,
  open: (file: string) => TextSink,
): Promise<WriteCounts> {
  const sinks = new Map<string, TextSink>();
  const sinkOf = async (file: string) => {
    let sink = sinks.get(file);
    if (!sink) {
      sink = open(file);
      sinks.set(file, sink);
      await sink.write(format.head(file));
    }
    return sink;
  };
  const counts: WriteCounts = { nodes: 0, edges: 0 };
  const nodeSink = await sinkOf(format.nodeFile);
  for await (const page of nodes) {
    counts.nodes += page.length;
    if (page.length) await nodeSink.write(page.map(format.node).join(''));
  }
  const edgeSink = await sinkOf(format.edgeFile);
  for await (const page of edges()) {
    counts.edges += page.length;
    if (page.length) await edgeSink.write(page.map(format.edge).join(''));
  }
  for (const [file, sink] of sinks) {
    await sink.write(format.tail(file));
    await sink.close();
  }
  return counts;
}

/** The files of a small export (a view of the explorer), as strings by file name. */
export async function renderGraph(
  format: GraphFormat,
  nodes: ExportNode[],
  edges: ExportEdge[],
): Promise<Map<string, string>> {
  const files = new Map<string, string[]>();
  await writeGraph(
    format,
    [nodes],
    () => [edges],
    (file) => {
      const parts: string[] = [];
      files.set(file, parts);
      return { write: (text) => void parts.push(text), close: () => {} };
    },
  );
  return new Map([...files].map(([file, parts]) => [file, parts.join('')]));
}
