// Field resolvers of the object types: thin, batched through the request's DataLoaders.
import type { Concept } from '../../domain.ts';
import type { ConceptWithCount } from '../../store/concept-reads.ts';
import { loadPapersOfConcept } from '../../store/concept-reads.ts';
import { topConcepts } from '../../store/graph-stats.ts';
import { loadPapersPerYear } from '../../store/starting-points.ts';
import type { LinkType } from '../../store/link-types.ts';
import { clientError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers.generated.ts';
import { fromGqlKind, toGqlClaimKind, toGqlKind, toGqlRole } from './enums.ts';

async function must<T>(value: Promise<T | null>, what: string): Promise<T> {
  const found = await value;
  if (found === null) throw clientError('NOT_FOUND', `${what} is missing from the graph`);
  return found;
}

export const typeResolvers: Omit<Resolvers, 'Query' | 'Mutation'> = {
  Paper: {
    abstract: async (paper, _, { loaders }) =>
      'abstract' in paper ? paper.abstract : ((await loaders.paper.load(paper.id))?.abstract ?? ''),
    authors: (paper, _, { loaders }) => loaders.authors.load(paper.id).then((a) => a ?? []),
    concepts: async (paper, { kind, link }, { loaders }) => {
      const links = (await loaders.links.load(paper.id)) ?? [];
      return links.filter(
        (l) => (!link || link.includes(l.type)) && (!kind || l.conceptKind === fromGqlKind(kind)),
      );
    },
    claims: (paper, _, { loaders }) => loaders.claims.load(paper.id).then((c) => c ?? []),
    collections: (paper, _, { loaders }) => loaders.collections.load(paper.id).then((c) => c ?? []),
    buildsOn: (paper, _, { loaders }) => loaders.buildsOn.load(paper.id).then((l) => l ?? []),
    builtOnBy: (paper, _, { loaders }) => loaders.builtOnBy.load(paper.id).then((l) => l ?? []),
  },
  Concept: {
    kind: (concept) => toGqlKind(concept.kind),
    paperCount: async (concept: Concept | ConceptWithCount, _, { loaders }) =>
      'paperCount' in concept
        ? concept.paperCount
        : ((await loaders.concept.load(concept.id))?.paperCount ?? 0),
    familyPaperCount: async (concept, _, { loaders }) =>
      (await loaders.family.load(concept.id))?.familyPaperCount ?? 0,
    family: async (concept, _, { loaders }) => {
      const familyId = (await loaders.family.load(concept.id))?.familyId;
      return familyId ? loaders.concept.load(familyId) : null;
    },
    variants: async (concept, _, { loaders }) => {
      const ids = (await loaders.family.load(concept.id))?.variantIds ?? [];
      const found = await loaders.concept.loadMany(ids);
      return found.filter((c): c is ConceptWithCount => c !== null && !(c instanceof Error));
    },
    papersPerYear: (concept, _, { connection }) => loadPapersPerYear(connection, concept.id),
    papers: (concept, { link, first }, { connection }) =>
      loadPapersOfConcept(
        connection,
        concept.id,
        (link as LinkType[] | null) ?? null,
        Math.min(first ?? 50, 500),
      ),
  },
  ConceptLink: {
    concept: (link, _, { loaders }) =>
      must(loaders.concept.load(link.conceptId), `concept ${link.conceptId}`),
    role: (link) => toGqlRole(link.role),
  },
  PaperLink: {
    role: (link) => toGqlRole(link.role),
  },
  Lineage: {
    paper: (lineage, _, { loaders }) =>
      must(loaders.paper.load(lineage.paperId), `paper ${lineage.paperId}`),
    via: (lineage, _, { loaders }) =>
      must(loaders.concept.load(lineage.viaConceptId), `concept ${lineage.viaConceptId}`),
  },
  Claim: {
    kind: (claim) => toGqlClaimKind(claim.kind),
    paper: (claim, _, { loaders }) =>
      must(loaders.paper.load(claim.paperId), `paper ${claim.paperId}`),
  },
  Evidence: {
    field: (evidence) => (evidence.field === 'title' ? 'TITLE' : 'ABSTRACT'),
  },
  WhoUsesEdge: {
    node: (edge) => edge.node.paper,
    relation: (edge) => edge.node.relation,
    roles: (edge) => edge.node.roles.map((role) => toGqlRole(role)!),
    confidence: (edge) => edge.node.confidence,
    evidence: (edge) => edge.node.evidence,
    through: (edge, _, { loaders }) =>
      edge.node.throughPaperId ? loaders.paper.load(edge.node.throughPaperId) : null,
    variant: (edge, _, { loaders }) =>
      edge.node.variantId ? loaders.concept.load(edge.node.variantId) : null,
  },
  StartingPoint: {
    reason: (point) =>
      point.reason === 'most-used-method'
        ? 'MOST_USED_METHOD'
        : point.reason === 'top-dataset'
          ? 'TOP_DATASET'
          : 'PROPOSED_AND_USED',
  },
  GraphEdge: {
    role: (edge) => toGqlRole(edge.role),
    papers: (edge) => ('papers' in edge ? edge.papers : null),
    evidence: async (edge, _, { loaders }) => {
      if ('evidence' in edge) return edge.evidence;
      if (edge.type === 'CO_OCCURS') return [];
      return (await loaders.link.load(edge.id))?.evidence ?? [];
    },
  },
  Stats: {
    papers: (counts) => counts.nodes.Paper ?? 0,
    concepts: (counts) => counts.nodes.Concept ?? 0,
    claims: (counts) => counts.nodes.Claim ?? 0,
    authors: (counts) => counts.nodes.Author ?? 0,
    nodesByLabel: (counts) =>
      Object.entries(counts.nodes).map(([kind, count]) => ({ kind, count })),
    relationshipsByType: (counts) =>
      Object.entries(counts.relationships).map(([kind, count]) => ({ kind, count })),
    topConcepts: async (_, { first }, { connection, loaders }) => {
      const top = await topConcepts(connection, Math.min(first ?? 10, 1000));
      return Promise.all(
        top.map(async (t) => ({
          papers: t.papers,
          concept: await must(loaders.concept.load(t.id), `concept ${t.id}`),
        })),
      );
    },
  },
};
