// nodes.csv and edges.csv with the headers Gephi's spreadsheet import recognises (Id, Label;
// Source, Target, Type, Weight), UTF-8 without a byte-order mark, quoted as RFC 4180 says.
import type { ExportEdge } from '../store/export-reads.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from './export-attributes.ts';
import { stripControl, type GraphFormat } from './graph-format.ts';

/** A field, quoted when it holds a quote, a comma or a line break (quotes doubled). */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = stripControl(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (fields: (string | number | boolean | null)[]) =>
  `${fields.map(csvField).join(',')}\r\n`;
const capitalise = (name: string) => name[0].toUpperCase() + name.slice(1);

// Gephi's columns first; `relation` is the link type, as Gephi's Type means directed or not.
const NODE_COLUMNS = ['Id', ...NODE_ATTRIBUTES.map((a) => capitalise(a.name))];
const EDGE_EXTRA = EDGE_ATTRIBUTES.filter((a) => a.name !== 'weight');
const EDGE_COLUMNS = [
  'Source',
  'Target',
  'Type',
  'Weight',
  'Id',
  ...EDGE_EXTRA.map((a) => capitalise(a.name)),
];

export function csvFormat(): GraphFormat {
  return {
    nodeFile: 'nodes.csv',
    edgeFile: 'edges.csv',
    head: (file) => row(file === 'nodes.csv' ? NODE_COLUMNS : EDGE_COLUMNS),
    node: (node) => row([node.id, ...NODE_ATTRIBUTES.map((a) => a.value(node))]),
    edge: (edge: ExportEdge) =>
      row([
        edge.source,
        edge.target,
        edge.directed ? 'Directed' : 'Undirected',
        edge.weight,
        edge.id,
        ...EDGE_EXTRA.map((a) => a.value(edge)),
      ]),
    tail: () => '',
  };
}
