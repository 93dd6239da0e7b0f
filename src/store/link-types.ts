import type { ConceptKind, Role } from '../domain.ts';

/** Relationship types from a paper to a concept, each carrying its evidence. */
export const CONCEPT_LINK_TYPES = [
  'PROPOSES',
  'USES',
  'COMPARES',
  'BACKGROUND',
  'EVALUATES_ON',
  'ADDRESSES',
  'MEASURES',
] as const;
export type ConceptLinkType = (typeof CONCEPT_LINK_TYPES)[number];

/** Links that answer "who uses X?" by default: every role but background. */
export const DIRECT_LINK_TYPES = CONCEPT_LINK_TYPES.filter((t) => t !== 'BACKGROUND');

/** The same, as a Cypher relationship-type alternation: `(c)<-[:${CONCEPT_LINKS}]-(p)`. */
export const CONCEPT_LINKS = CONCEPT_LINK_TYPES.join('|');

/** Direct links as an alternation: a concept's paper count counts these. */
export const DIRECT_LINKS = DIRECT_LINK_TYPES.join('|');

/** Every relationship type of the graph. */
export const LINK_TYPES = [
  ...CONCEPT_LINK_TYPES,
  'CLAIMS',
  'ON',
  'BUILDS_ON',
  'CITES',
  'WROTE',
  'VARIANT_OF',
  'AGAINST',
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
 * The typed link for a concept the extractor found: proposals and background mentions by their
 * role, whatever the kind; otherwise datasets are evaluated on, tasks addressed, metrics
 * measured, and methods, models and hardware used or compared against. The role itself is also
 * a property of every link.
 */
export function linkTypeOf(kind: ConceptKind, role: Role): ConceptLinkType {
  if (role === 'proposes') return 'PROPOSES';
  if (role === 'background') return 'BACKGROUND';
  if (kind === 'dataset') return 'EVALUATES_ON';
  if (kind === 'task') return 'ADDRESSES';
  if (kind === 'metric') return 'MEASURES';
  return role === 'compares' ? 'COMPARES' : 'USES';
}

/** The link types a role filter means: `uses` is every typed use (EVALUATES_ON included). */
export function linkTypesOfRoles(roles: readonly Role[]): ConceptLinkType[] {
  const types = new Set<ConceptLinkType>();
  for (const role of roles) {
    if (role === 'proposes') types.add('PROPOSES');
    if (role === 'compares') types.add('COMPARES');
    if (role === 'background') types.add('BACKGROUND');
    if (role === 'uses')
      for (const t of ['USES', 'EVALUATES_ON', 'ADDRESSES', 'MEASURES'] as const) types.add(t);
  }
  return [...types];
}

/** The role a link stands for, from its type when it carries none (graphs written before roles). */
export function roleOfLink(type: string, role: unknown): Role {
  if (role === 'proposes' || role === 'uses' || role === 'compares' || role === 'background') {
    return role;
  }
  if (type === 'PROPOSES') return 'proposes';
  if (type === 'COMPARES') return 'compares';
  if (type === 'BACKGROUND') return 'background';
  return 'uses';
}
