// GraphML (http://graphml.graphdrawing.org) as Gephi, Cytoscape desktop and NetworkX read it:
// every attribute declared as a typed <key>, a directed graph, one <data> per present value.
import type { ExportEdge, ExportNode } from '../store/export-reads.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type Attribute } from './export-attributes.ts';
import { stripControl, type GraphFormat } from './graph-format.ts';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // As references: a parser turns a literal CR LF into LF, and in attributes any into a space.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Text as XML character data or an attribute value. */
export const escapeXml = (text: string) =>
  stripControl(text).replace(/[&<>"'\r\n\t]/g, (c) => ENTITIES[c]);

const keyId = (prefix: string, name: string) => `${prefix}_${name}`;

const keys = <T>(prefix: 'n' | 'e', domain: string, attributes: Attribute<T>[]) =>
  attributes
    .map(
      (a) =>
        `  <key id="${keyId(prefix, a.name)}" for="${domain}" attr.name="${a.name}" attr.type="${a.type}"/>\n`,
    )
    .join('');

function data<T>(prefix: 'n' | 'e', attributes: Attribute<T>[], item: T): string {
  let out = '';
  for (const a of attributes) {
    const value = a.value(item);
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) continue;
    out += `      <data key="${keyId(prefix, a.name)}">${escapeXml(String(value))}</data>\n`;
  }
  return out;
}

/**
 * Edges are directed: co-use edges of the concept projection, which are symmetric, come once per
 * pair (its `relation` says so), because NetworkX refuses undirected edges in a directed graph.
 */
export function graphmlFormat(file = 'papergraph.graphml'): GraphFormat {
  return {
    nodeFile: file,
    edgeFile: file,
    head: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"\n' +
      '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
      '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      keys('n', 'node', NODE_ATTRIBUTES) +
      keys('e', 'edge', EDGE_ATTRIBUTES) +
      '  <graph id="papergraph" edgedefault="directed">\n',
    node: (node: ExportNode) =>
      `    <node id="${escapeXml(node.id)}">\n${data('n', NODE_ATTRIBUTES, node)}    </node>\n`,
    edge: (edge: ExportEdge) =>
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">\n` +
      `${data('e', EDGE_ATTRIBUTES, edge)}    </edge>\n`,
    tail: () => '  </graph>\n</graphml>\n',
  };
}
