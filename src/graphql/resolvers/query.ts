import {
  findConcepts,
  findConceptsByName,
  findRelatedConcepts,
} from '../../store/concept-reads.ts';
import { loadConceptMap } from '../../store/concept-map.ts';
import { loadNeighborhood, loadOverview } from '../../store/graph-slices.ts';
import { loadStartingPoints } from '../../store/starting-points.ts';
import type { LinkType as StoredLinkType } from '../../store/link-types.ts';
import type { LinkWithEvidence } from '../../store/load-links.ts';
import { countGraph } from '../../store/graph-stats.ts';
import { findPapers, type PaperOrder } from '../../store/paper-reads.ts';
import { findClaims } from '../../store/paper-relations.ts';
import { searchGraph } from '../../store/search-graph.ts';
import { whoUses } from '../../store/who-uses.ts';
import { listCollections } from '../../store/collections.ts';
import { clientError } from '../errors.ts';
import type { QueryResolvers } from '../generated/resolvers.generated.ts';
import { pageArgs, toConnection } from '../paging.ts';
import { fromGqlClaimKind, fromGqlKind, fromGqlRole } from './enums.ts';

/** Bounds on graph slices, so one request cannot pull the whole graph. */
export const MAX_SLICE_NODES = 5000;
export const MAX_DEPTH = 3;
/** Most ids one `links` call takes: an explorer asks for one, a client may ask for a page. */
export const MAX_LINK_IDS = 500;
const MAX_TEXT = 200;
/** Papers of a concept read to count what it is named with on the concept map. */
const CONCEPT_MAP_SAMPLE = 1000;

function requireText(name: string, value: string): string {
  const text = value.trim();
  if (text.length === 0) throw clientError('BAD_USER_INPUT', `${name} must not be empty`);
  if (text.length > MAX_TEXT)
    throw clientError('BAD_USER_INPUT', `${name} is longer than ${MAX_TEXT} characters`);
  return text;
}

function requireRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw clientError('BAD_USER_INPUT', `${name} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

export const Query: QueryResolvers = {
  paper: (_, { id }, { loaders }) => loaders.paper.load(id),

  papers: async (_, { filter, orderBy, first, after }, { connection }) => {
    const page = pageArgs(first, after);
    const result = await findPapers(
      connection,
      {
        ...filter,
        role: filter?.role ? fromGqlRole(filter.role) : null,
        claimKind: filter?.claimKind ? fromGqlClaimKind(filter.claimKind) : null,
      },
      (orderBy ?? 'TITLE').toLowerCase() as PaperOrder,
      page.first,
      page.offset,
    );
    return toConnection(result);
  },

  concept: async (_, { id, name }, { connection, loaders }) => {
    if (id) return loaders.concept.load(id);
    if (name) return (await findConceptsByName(connection, requireText('name', name)))[0] ?? null;
    throw clientError('BAD_USER_INPUT', 'concept needs an id or a name');
  },

  concepts: async (_, { kind, search, first, after }, { connection }) => {
    const page = pageArgs(first, after);
    return toConnection(
      await findConcepts(
        connection,
        kind ? fromGqlKind(kind) : null,
        search ?? null,
        page.first,
        page.offset,
      ),
    );
  },

  whoUses: async (
    _,
    { technique, role, collection, publishedFrom, publishedTo, first, after },
    { connection },
  ) => {
    const page = pageArgs(first, after);
    const answer = await whoUses(
      connection,
      requireText('technique', technique),
      role ? role.map(fromGqlRole) : null,
      page.first,
      page.offset,
      { collection, publishedFrom, publishedTo },
    );
    return {
      technique: answer.technique,
      alternatives: answer.technique?.alternatives ?? [],
      ...toConnection(answer.page),
    };
  },

  claims: async (_, { kind, hardware, concept, first, after }, { connection }) => {
    const page = pageArgs(first, after);
    return toConnection(
      await findClaims(
        connection,
        { kind: kind ? fromGqlClaimKind(kind) : null, hardware, concept },
        page.first,
        page.offset,
      ),
    );
  },

  neighborhood: async (_, { id, depth, kinds, roles, minConfidence, limit }, { connection }) => {
    const slice = await loadNeighborhood(connection, id, {
      depth: requireRange('depth', depth ?? 1, 1, MAX_DEPTH),
      kinds: kinds && kinds.length > 0 ? kinds : null,
      // CO_OCCURS is drawn on concept maps only; no stored link has that type.
      types:
        roles && roles.length > 0
          ? roles.filter((role): role is StoredLinkType => role !== 'CO_OCCURS')
          : null,
      minConfidence: requireRange('minConfidence', minConfidence ?? 0, 0, 1),
      limit: requireRange('limit', limit ?? 300, 1, MAX_SLICE_NODES),
    });
    if (!slice)
      throw clientError('NOT_FOUND', `no paper, concept, claim or author has the id "${id}"`);
    return slice;
  },

  overview: (_, { concepts, limit }, { connection }) =>
    loadOverview(
      connection,
      requireRange('concepts', concepts ?? 25, 1, 200),
      requireRange('limit', limit ?? 400, 1, MAX_SLICE_NODES),
    ),

  conceptMap: (_, { perKind, links, collection, publishedFrom, publishedTo }, { connection }) =>
    loadConceptMap(connection, {
      perKind: requireRange('perKind', perKind ?? 12, 1, 50),
      links: requireRange('links', links ?? 120, 0, 1000),
      sample: CONCEPT_MAP_SAMPLE,
      scope: { collection, publishedFrom, publishedTo },
    }),

  startingPoints: (_, __, { connection }) => loadStartingPoints(connection),

  links: async (_, { ids }, { loaders }) => {
    if (ids.length > MAX_LINK_IDS)
      throw clientError(
        'BAD_USER_INPUT',
        `at most ${MAX_LINK_IDS} link ids per call, got ${ids.length}`,
      );
    const links = await Promise.all([...new Set(ids)].map((id) => loaders.link.load(id)));
    return links.filter((link): link is LinkWithEvidence => link !== null);
  },

  search: (_, { text, kinds, first }, { connection }) =>
    searchGraph(
      connection,
      requireText('text', text),
      kinds && kinds.length > 0 ? kinds : null,
      requireRange('first', first ?? 10, 1, 50),
    ),

  related: (_, { conceptId, first }, { connection }) =>
    findRelatedConcepts(connection, conceptId, requireRange('first', first ?? 10, 1, 100)),

  stats: (_, __, { connection }) => countGraph(connection),

  collections: async (_, __, { connection }) =>
    (await listCollections(connection)).map((c) => ({ name: c.name, paperCount: c.papers })),
};
