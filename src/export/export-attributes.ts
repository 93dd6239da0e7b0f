// The attributes every export writes of a node and of an edge, declared once: GraphML keys and
// CSV columns are made from these tables, so the two formats carry the same fields.
import type { ExportEdge, ExportNode } from '../store/export-reads.ts';

export type AttributeType = 'string' | 'int' | 'double' | 'boolean';
type Value = string | number | boolean | null;

export interface Attribute<T> {
  /** The GraphML attribute name and, capitalised, the CSV column. */
  name: string;
  type: AttributeType;
  value(item: T): Value;
}

const list = (values: string[]) => (values.length ? values.join('; ') : null);

/** Node attributes: `label` is the one Gephi shows as a node's label. */
export const NODE_ATTRIBUTES: Attribute<ExportNode>[] = [
  { name: 'label', type: 'string', value: (n) => n.label },
  { name: 'kind', type: 'string', value: (n) => n.kind },
  { name: 'year', type: 'int', value: (n) => n.year },
  { name: 'published', type: 'string', value: (n) => n.published },
  { name: 'venue', type: 'string', value: (n) => n.venue },
  { name: 'url', type: 'string', value: (n) => n.url },
  { name: 'externalIds', type: 'string', value: (n) => list(n.externalIds) },
  { name: 'stub', type: 'boolean', value: (n) => (n.kind === 'paper' ? n.stub : null) },
  { name: 'collections', type: 'string', value: (n) => list(n.collections) },
  { name: 'aliases', type: 'string', value: (n) => list(n.aliases) },
  { name: 'papers', type: 'int', value: (n) => n.papers },
  { name: 'claimKind', type: 'string', value: (n) => n.claimKind },
  { name: 'value', type: 'string', value: (n) => n.value },
  { name: 'unit', type: 'string', value: (n) => n.unit },
  { name: 'text', type: 'string', value: (n) => n.text },
];

/** Edge attributes beside source and target: `weight` is the one Gephi weighs edges by. */
export const EDGE_ATTRIBUTES: Attribute<ExportEdge>[] = [
  { name: 'relation', type: 'string', value: (e) => e.relation },
  { name: 'weight', type: 'double', value: (e) => e.weight },
  { name: 'role', type: 'string', value: (e) => e.role },
  { name: 'confidence', type: 'double', value: (e) => e.confidence },
  { name: 'via', type: 'string', value: (e) => e.via },
  { name: 'sentence', type: 'string', value: (e) => e.evidence[0]?.sentence ?? null },
];
