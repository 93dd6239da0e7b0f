// A view of the explorer (the nodes and links it draws) as export files, for the API.
import type { Neo4jConnection } from '../store/connect-neo4j.ts';
import { readExportNodesById, type ExportEdge } from '../store/export-reads.ts';
import { loadLinks } from '../store/load-links.ts';
import { csvFormat } from './csv-format.ts';
import type { ExportFormatName } from './graph-format.ts';
import { graphmlFormat } from './graphml-format.ts';
import { jsonlFormat } from './jsonl-format.ts';
import { renderGraph } from './write-graph.ts';

const FORMATS = {
  graphml: () => graphmlFormat('papergraph.graphml'),
  csv: () => csvFormat(),
  jsonl: () => jsonlFormat('papergraph.jsonl'),
};

/** The files of the view: these nodes, and these links where both ends are among them. */
export async function exportView(
  connection: Neo4jConnection,
  nodeIds: readonly string[],
  linkIds: readonly string[],
  format: ExportFormatName,
): Promise<{ name: string; content: string }[]> {
  const [nodes, links] = await Promise.all([
    readExportNodesById(connection, nodeIds),
    loadLinks(connection, linkIds),
  ]);
  const order = new Map(nodeIds.map((id, i) => [id, i]));
  nodes.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const edges = [...links.values()]
    .filter((link) => order.has(link.source) && order.has(link.target))
    .map((link): ExportEdge => {
      const ends = `${link.source}|${link.type}|${link.target}`;
      return {
        id: link.id,
        source: link.source,
        target: link.target,
        relation: link.type,
        role: link.role,
        confidence: link.confidence,
        via: link.id.length > ends.length ? link.id.slice(ends.length + 1) : null,
        weight: 1,
        directed: true,
        evidence: link.evidence,
      };
    });
  const files = await renderGraph(FORMATS[format](), nodes, edges);
  return [...files].map(([name, content]) => ({ name, content }));
}
