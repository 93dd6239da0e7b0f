import type { ConceptKind, Role } from '../domain.ts';

/** Relationship types from a paper to a concept, each carrying its evidence. */
export const CONCEPT_LINK_TYPES = [
  'PROPOSES',
  'USES',
  'COMPARES',
  'EVALUATES_ON',
  'ADDRESSES',
  'MEASURES',
] as const;
export type ConceptLinkType = (typeof CONCEPT_LINK_TYPES)[number];

/** The same, as a Cypher relationship-type alternation: `(c)<-[:${CONCEPT_LINKS}]-(p)`. */
export const CONCEPT_LINKS = CONCEPT_LINK_TYPES.join('|');

/** Every relationship type of the graph. */
export const LINK_TYPES = [
  ...CONCEPT_LINK_TYPES,
  'CLAIMS',
  'ON',
  'BUILDS_ON',
  'CITES',
  'WROTE',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** `:Method`, `:Dataset`... the second label a concept carries beside `:Concept`. */
export const KIND_LABELS: Record<ConceptKind, string> = {
  method: 'Method',
  model: 'Model',
  dataset: 'Dataset',
  task: 'Task',
  metric: 'Metric',
  hardware: 'Hardware',
};

/**
 * The typed link for a concept the extractor found: a stated role wins (a new dataset is
 * PROPOSES); otherwise datasets are evaluated on, tasks addressed, metrics measured, and methods,
 * models and hardware used.
 */
export function linkTypeOf(kind: ConceptKind, role: Role | null): ConceptLinkType {
  if (role === 'proposes') return 'PROPOSES';
  if (kind === 'dataset') return 'EVALUATES_ON';
  if (kind === 'task') return 'ADDRESSES';
  if (kind === 'metric') return 'MEASURES';
  return role === 'compares' ? 'COMPARES' : 'USES';
}
