// A view of the explorer (the nodes and links it draws) as export files, for the API.
import type { Neo4jConnection } from '../store/connect-neo4j.ts';
import { readCoUse, readExportNodesById, type ExportEdge } from '../store/export-reads.ts';
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

/** A concept map's co-occurrence link (`a|CO_OCCURS|b`): drawn, not stored. */
const CO_OCCURS = /^(.+)\|CO_OCCURS\|(.+)$/;

/**
 * The files of the view: these nodes, and these links where both ends are among them; a concept
 * map's co-occurrence links come as co-use links weighted by the papers that link both.
 */
export async function exportView(
  connection: Neo4jConnection,
  nodeIds: readonly string[],
  linkIds: readonly string[],
  format: ExportFormatName,
): Promise<{ name: string; content: string }[]> {
  const order = new Map(nodeIds.map((id, i) => [id, i]));
  const pairs = linkIds.flatMap((id): [string, string][] => {
    const ends = CO_OCCURS.exec(id);
    return ends && order.has(ends[1]) && order.has(ends[2]) ? [[ends[1], ends[2]]] : [];
  });
  const [nodes, links, coUse] = await Promise.all([
    readExportNodesById(connection, nodeIds),
    loadLinks(
      connection,
      linkIds.filter((id) => !CO_OCCURS.test(id)),
    ),
    readCoUse(connection, pairs),
  ]);
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
  const files = await renderGraph(FORMATS[format](), nodes, [...edges, ...coUse]);
  return [...files].map(([name, content]) => ({ name, content }));
}
