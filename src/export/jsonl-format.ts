// JSON Lines: one object a line, nodes then edges, each edge with all its evidence (every mention,
// with the rule and confidence of the link).
import type { ExportEdge, ExportNode } from '../store/export-reads.ts';
import type { GraphFormat } from './graph-format.ts';

export function jsonlFormat(file = 'papergraph.jsonl'): GraphFormat {
  return {
    nodeFile: file,
    edgeFile: file,
    head: () => '',
    node: (node: ExportNode) => `${JSON.stringify({ type: 'node', ...node })}\n`,
    edge: (edge: ExportEdge) => `${JSON.stringify({ type: 'edge', ...edge })}\n`,
    tail: () => '',
  };
}
