// Paper reads: by id in batches (for DataLoader), and filtered, ordered pages.
import type { ClaimKind, Paper, RawPaper, Role } from '../domain.ts';
import { resolveConceptIds } from '../extract/concept-id.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toInt } from './neo4j-values.ts';
import { toPaper } from './records.ts';
import { toStoreError } from './store-error.ts';
import { Row } from './row.ts';
import { readPage, readRows, runRead, type Page } from './run-read.ts';

const PAPERS_BY_ID = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN properties(p) AS p`;

/** Papers by id, in one query; missing ids are absent from the map. */
export async function loadPapers(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, Paper>> {
  const papers = await readRows(connection, PAPERS_BY_ID, { ids: [...ids] }, (row) =>
    toPaper(row.props('p')),
  );
  return new Map(papers.map((paper) => [paper.id, paper]));
}

export interface PaperFilter {
  concept?: string | null;
  role?: Role | null;
  dataset?: string | null;
  task?: string | null;
  hardware?: string | null;
  claimKind?: ClaimKind | null;
  text?: string | null;
  publishedFrom?: string | null;
  publishedTo?: string | null;
  collection?: string | null;
}

/** A partial upper bound covers its whole period: `2023` keeps `2023-12-31`. */
export function upperDateBound(date: string): string {
  return `${date}-99-99`.slice(0, 10);
}

export type PaperOrder = 'title' | 'published_desc' | 'most_concepts';

const ORDER_BY: Record<PaperOrder, string> = {
  title: 'p.title, p.id',
  published_desc: 'p.published DESC, p.title, p.id',
  most_concepts: 'COUNT { (p)-->(:Concept) } DESC, p.title, p.id',
};

/**
 * Builds the filtered paper query from fixed fragments; every value is a parameter. The text
 * filter starts from the full-text index, the others from the concept they name.
 */
function paperQuery(filter: PaperFilter): { match: string; params: Record<string, unknown> } {
  const where: string[] = ['p.stub = false'];
  const params: Record<string, unknown> = {};
  let match = 'MATCH (p:Paper)';
  if (filter.text) {
    match = 'CALL db.index.fulltext.queryNodes("paper_text", $text) YIELD node AS p';
    params.text = toLuceneQuery(filter.text);
  }
  if (filter.concept) {
    params.conceptIds = resolveConceptIds(filter.concept);
    params.role = filter.role ?? null;
    where.push(
      'EXISTS { MATCH (p)-[r]->(c:Concept) WHERE c.id IN $conceptIds AND ($role IS NULL OR r.role = $role) }',
    );
  }
  const byKind: [keyof PaperFilter, 'dataset' | 'task' | 'hardware'][] = [
    ['dataset', 'dataset'],
    ['task', 'task'],
    ['hardware', 'hardware'],
  ];
  for (const [key, kind] of byKind) {
    const value = filter[key];
    if (!value) continue;
    params[`${kind}Ids`] = resolveConceptIds(value, [kind]);
    where.push(
      kind === 'hardware'
        ? `(EXISTS { MATCH (p)-->(c:Concept) WHERE c.id IN $hardwareIds } OR EXISTS { MATCH (p)-[:CLAIMS]->(:Claim)-[:ON]->(c:Concept) WHERE c.id IN $hardwareIds })`
        : `EXISTS { MATCH (p)-->(c:Concept) WHERE c.id IN $${kind}Ids }`,
    );
  }
  if (filter.claimKind) {
    params.claimKind = filter.claimKind;
    where.push('EXISTS { MATCH (p)-[:CLAIMS]->(c:Claim) WHERE c.kind = $claimKind }');
  }
  if (filter.publishedFrom) {
    params.publishedFrom = filter.publishedFrom;
    where.push('p.published >= $publishedFrom');
  }
  if (filter.publishedTo) {
    params.publishedTo = upperDateBound(filter.publishedTo);
    where.push('p.published <= $publishedTo');
  }
  if (filter.collection) {
    params.collection = filter.collection;
    where.push('EXISTS { (p)-[:IN_COLLECTION]->(:Collection {name: $collection}) }');
  }
  return { match: `${match}\nWHERE ${where.join('\n  AND ')}`, params };
}

/** Escapes Lucene syntax so user text is searched as words, each as a prefix. */
export function toLuceneQuery(text: string): string {
  const words = text
    .replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !/^(AND|OR|NOT)$/.test(w))
    .slice(0, 16);
  return words.length === 0 ? '""' : words.map((w) => `${w}*`).join(' AND ');
}

export async function findPapers(
  connection: Neo4jConnection,
  filter: PaperFilter,
  order: PaperOrder,
  first: number,
  offset: number,
): Promise<Page<Paper>> {
  const { match, params } = paperQuery(filter);
  return readPage(
    connection,
    {
      count: `${match}\nRETURN count(p) AS n`,
      page: `${match}\nWITH p ORDER BY ${ORDER_BY[order]} SKIP $offset LIMIT $first\nRETURN properties(p) AS p`,
    },
    params,
    { offset, first },
    (row) => toPaper(row.props('p')),
  );
}

// NOTE: paged by id from the id index, so a graph of any size is read in bounded memory.
const STORED_PAPERS = `
MATCH (p:Paper) WHERE p.id > $after AND p.stub = false
WITH p ORDER BY p.id LIMIT $first
RETURN p {.id, .title, .abstract, .published, .url, .venue, .source} AS p,
       [(a:Author)-[:WROTE]->(p) | a.name] AS authors`;

/** The papers of the graph as their sources gave them, in id order, a page at a time. */
export async function* readStoredPapers(
  connection: Neo4jConnection,
  pageSize = 1000,
): AsyncGenerator<RawPaper> {
  let after = '';
  for (;;) {
    const papers = await readRows(
      connection,
      STORED_PAPERS,
      { after, first: toInt(pageSize) },
      (row): RawPaper => {
        const p = new Row(row.props('p'));
        return {
          id: p.string('id'),
          title: p.optionalString('title') ?? '',
          abstract: p.optionalString('abstract') ?? '',
          authors: row.strings('authors').sort(),
          published: p.optionalString('published'),
          url: p.optionalString('url'),
          venue: p.optionalString('venue'),
          source: p.optionalString('source') ?? 'graph',
        };
      },
    );
    yield* papers;
    if (papers.length < pageSize) return;
    after = papers[papers.length - 1].id;
  }
}

// NOTE: two range seeks on the id index (';' follows ':'), so a start does not scan every concept.
const OLD_CONCEPT_IDS = `
CALL () {
  MATCH (c:Concept) WHERE c.id < 'concept:' RETURN c LIMIT 1
  UNION
  MATCH (c:Concept) WHERE c.id >= 'concept;' RETURN c LIMIT 1
}
RETURN c.id AS id LIMIT 1`;

/** True when the graph holds concepts written with ids of the kind:slug form. */
export async function hasKindedConceptIds(connection: Neo4jConnection): Promise<boolean> {
  return (await runRead(connection, OLD_CONCEPT_IDS, {})).length > 0;
}

const DELETE_KINDED_CONCEPTS = `
CALL () {
  MATCH (c:Concept) WHERE c.id < 'concept:' RETURN c
  UNION
  MATCH (c:Concept) WHERE c.id >= 'concept;' RETURN c
}
CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 5000 ROWS`;

/** Removes what is left of `kind:slug` concepts once every paper was written again. */
export async function deleteKindedConcepts(connection: Neo4jConnection): Promise<void> {
  const session = connection.driver.session({ database: connection.database });
  try {
    await session.run(DELETE_KINDED_CONCEPTS);
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await session.close();
  }
}
