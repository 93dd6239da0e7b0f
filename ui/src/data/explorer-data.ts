// Everything the explorer asks the server, each answer cached by its question: back/forward and
// re-selection do not ask again, and a failed request is forgotten so it can be retried.
import type { ConceptKind, Role } from '../gql/graphql.ts';
import type { Evidence, GraphSlice } from '../graph/slice-to-elements.ts';
import { scopeVariables, type PaperScope } from '../view/view-state.ts';
import { mergeWhoUsesAnswers, whoUsesAsks } from '../who-uses/who-uses-roles.ts';
import type { NearName, WhoUsesAnswer, WhoUsesQuestion } from '../who-uses/who-uses-to-slice.ts';
import {
  CollectionsQuery,
  ConceptMapQuery,
  ConceptQuery,
  LinksQuery,
  MAX_LINK_IDS,
  NeighborhoodQuery,
  PaperQuery,
  request,
  SearchQuery,
  StartingPointsQuery,
  WhoUsesQuery,
} from './api.ts';

/** How many neighbours one expansion asks for; the server cuts there and says so. */
const NEIGHBORHOOD_LIMIT = 300;
/** Most answers a "Who uses" picture draws (pages of the server's largest page size). */
const WHO_USES_LIMIT = 500;
const WHO_USES_PAGE = 100;
/** Concepts of each kind on the start view's map. */
const MAP_PER_KIND = 12;

const CONCEPT_KINDS: ConceptKind[] = ['METHOD', 'MODEL', 'DATASET', 'TASK', 'METRIC', 'HARDWARE'];

export function createExplorerData() {
  const cache = new Map<string, Promise<unknown>>();

  /** Same question, same promise. */
  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  }

  const neighborhood = (id: string): Promise<GraphSlice> =>
    cached(`n:${id}`, () =>
      request(NeighborhoodQuery, { id, depth: 1, limit: NEIGHBORHOOD_LIMIT }).then(
        (d) => d.neighborhood,
      ),
    );

  /** One question's answer; each of its requests is cached alone, so toggling a role reuses the rest. */
  const whoUses = ({ technique, roles }: WhoUsesQuestion, scope: PaperScope) =>
    Promise.all(
      whoUsesAsks(roles).map((role) =>
        cached(
          `who:${technique.toLowerCase()}:${role?.join(',') ?? '*'}:${JSON.stringify(scope)}`,
          () => whoUsesPages(technique, role, scope),
        ),
      ),
    ).then(mergeWhoUsesAnswers);

  return {
    neighborhood,
    whoUses,
    conceptMap: (scope: PaperScope): Promise<GraphSlice> =>
      cached(`map:${JSON.stringify(scope)}`, () =>
        request(ConceptMapQuery, { perKind: MAP_PER_KIND, ...scopeVariables(scope) }).then(
          (d) => d.conceptMap,
        ),
      ),
    /** Near names are a courtesy: when the search fails, the panel goes without them. */
    nearNames: (text: string) =>
      cached(`near:${text.toLowerCase()}`, () => nearNamesOf(text)).catch((): NearName[] => []),
    startingPoints: () =>
      cached('starts', () => request(StartingPointsQuery, {}).then((d) => d.startingPoints)),
    linkEvidence: (id: string) =>
      cached(`l:${id}`, () => evidenceOf([id]).then((found) => found.get(id) ?? [])),
    paper: (id: string) =>
      cached(`p:${id}`, () => request(PaperQuery, { id }).then((d) => d.paper)),
    concept: (id: string) =>
      cached(`c:${id}`, () => request(ConceptQuery, { id }).then((d) => d.concept)),
    /** Not cached: the export asks for what is drawn now, once. */
    evidenceOf,
    collections: () => request(CollectionsQuery, {}).then((d) => d.collections),
  };
}

/** The evidence of links by id (slices come without it), one request per batch of ids. */
async function evidenceOf(ids: string[]): Promise<Map<string, Evidence[]>> {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_LINK_IDS) batches.push(ids.slice(i, i + MAX_LINK_IDS));
  const answers = await Promise.all(batches.map((batch) => request(LinksQuery, { ids: batch })));
  return new Map(answers.flatMap((a) => a.links.map((link) => [link.id, link.evidence])));
}

/** Up to WHO_USES_LIMIT answers to one request, page after page. */
async function whoUsesPages(
  technique: string,
  role: Role[] | undefined,
  scope: PaperScope,
): Promise<WhoUsesAnswer> {
  const asked = { technique, role, ...scopeVariables(scope) };
  const first = (await request(WhoUsesQuery, { ...asked, first: WHO_USES_PAGE })).whoUses;
  const edges = [...first.edges];
  let page = first.pageInfo;
  while (page.hasNextPage && page.endCursor && edges.length < WHO_USES_LIMIT) {
    const next = (
      await request(WhoUsesQuery, { ...asked, first: WHO_USES_PAGE, after: page.endCursor })
    ).whoUses;
    edges.push(...next.edges);
    page = next.pageInfo;
  }
  return {
    technique: first.technique,
    alternatives: first.alternatives,
    totalCount: first.totalCount,
    edges,
  };
}

/**
 * Concepts whose names are near a name the graph does not hold, best supported first: names
 * starting with its words, else with its first word, else with its first letters (a typo).
 */
async function nearNamesOf(text: string): Promise<NearName[]> {
  const words = text.trim().split(/\s+/);
  const tries = [text, words[0], words[0].slice(0, 3)].filter(
    (t, i, all) => t.length >= 2 && all.indexOf(t) === i,
  );
  for (const attempt of tries) {
    const { search } = await request(SearchQuery, {
      text: attempt,
      kinds: CONCEPT_KINDS,
      first: 6,
    });
    if (search.length)
      return search.map((hit) => ({
        name: hit.label,
        kind: hit.kind as ConceptKind,
        paperCount: hit.paperCount ?? null,
      }));
  }
  return [];
}
