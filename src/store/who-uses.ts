// "Which papers use technique X?": papers that propose, use or compare against it, then papers
// that build on or cite a paper proposing it.
import type { Evidence, Paper, Role } from '../domain.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toInt, toNumber } from './neo4j-values.ts';
import { toEvidence, toPaper } from './records.ts';
import { runRead, type Page } from './run-read.ts';

export type WhoUsesRelation = 'MENTIONS' | 'BUILDS_ON' | 'CITES';

export interface WhoUsesAnswer {
  paper: Paper;
  relation: WhoUsesRelation;
  roles: Role[];
  confidence: number;
  evidence: Evidence[];
  throughPaperId: string | null;
}

const ROLE_TYPES: Record<Role, string> = {
  proposes: 'PROPOSES',
  uses: 'USES',
  compares: 'COMPARES',
};

// NOTE: the relationship types come from the fixed map above, never from input. A paper has one
// link per concept, so the direct answers are counted from the degree store (no scan) and paged
// with a top-k sort of the technique's links; evidence is read for one page only.
const directCount = (types: string) => `
MATCH (c:Concept) WHERE c.id IN $ids
RETURN sum(COUNT { (c)<-[:${types}]-() }) AS n`;

// One ordered scan of the rank-key index per link type, reading offset + first entries each.
const directPage = (types: string[]) => `
CALL () {
${types
  .map(
    (type) => `  MATCH (p:Paper)-[r:${type}]->(:Concept)
  WHERE r.rankKey STARTS WITH $prefix
  RETURN p, r ORDER BY r.rankKey LIMIT $upTo`,
  )
  .join('\n  UNION ALL\n')}
}
WITH p, r ORDER BY r.rankKey LIMIT $upTo
RETURN properties(p) AS p, type(r) AS type, properties(r) AS r, r.rankKey AS rankKey`;

// Papers that build on, or cite, a paper proposing the technique without naming it themselves:
// few by nature (proposers are at most a handful), so read whole and paged here.
const INDIRECT = `
MATCH (c:Concept)<-[:PROPOSES]-(a:Paper) WHERE c.id IN $ids
CALL (a) {
  MATCH (p:Paper)-[b:BUILDS_ON]->(a)
  OPTIONAL MATCH (p)-[r:USES|COMPARES]->(:Concept {id: b.via})
  RETURN p, 1 AS rank, collect(properties(r)) AS evidence
  UNION
  MATCH (p:Paper)-[:CITES]->(a) WHERE NOT (p)-[:BUILDS_ON]->(a)
  RETURN p, 2 AS rank, [] AS evidence
}
WITH p, a, rank, evidence
WHERE NOT EXISTS { MATCH (p)-[:PROPOSES|USES|COMPARES]->(d:Concept) WHERE d.id IN $ids }
WITH p, min(rank) AS rank, min(a.id) AS through, head(collect(evidence)) AS evidence
ORDER BY rank, p.title, p.id
LIMIT 1000
RETURN properties(p) AS p, rank, through, evidence`;

const RELATIONS: WhoUsesRelation[] = ['MENTIONS', 'BUILDS_ON', 'CITES'];

/**
 * Answers for the concepts `conceptIds` (one technique, possibly several kinds). With `roles`,
 * only papers with those roles towards it; indirect answers come only without a role filter.
 */
export async function whoUses(
  connection: Neo4jConnection,
  conceptIds: string[],
  roles: Role[] | null,
  first: number,
  offset: number,
): Promise<Page<WhoUsesAnswer>> {
  const types = (
    roles && roles.length > 0 ? roles : (['proposes', 'uses', 'compares'] as Role[])
  ).map((role) => ROLE_TYPES[role]);
  const indirect = !roles || roles.length === 0;
  const params = { ids: conceptIds };
  const page = directPage(types);
  const upTo = toInt(offset + first);
  const [countRows, pages, indirectRows] = await Promise.all([
    runRead(connection, directCount(types.join('|')), params),
    // Each id's best links, merged by rank key (one id in the usual case).
    Promise.all(conceptIds.map((id) => runRead(connection, page, { prefix: `${id}|`, upTo }))),
    indirect ? runRead(connection, INDIRECT, params) : Promise.resolve([]),
  ]);
  // Code-unit order, as Cypher orders strings.
  const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    String(a.rankKey) < String(b.rankKey) ? -1 : String(a.rankKey) > String(b.rankKey) ? 1 : 0;
  const directRows = pages
    .flat()
    .sort(byKey)
    .slice(offset, offset + first);
  const directTotal = toNumber(countRows[0]?.n);
  const direct: WhoUsesAnswer[] = directRows.map((row) => {
    const evidence = toEvidence(row.r as Record<string, unknown>);
    return {
      paper: toPaper(row.p as Record<string, unknown>),
      relation: 'MENTIONS',
      roles: [(row.type as string).toLowerCase() as Role],
      confidence: Math.max(0, ...evidence.map((e) => e.confidence)),
      evidence,
      throughPaperId: null,
    };
  });
  // Indirect answers follow the direct ones: they fill the page where the direct ones end.
  const indirectStart = Math.max(0, offset - directTotal);
  const room = first - direct.length;
  const others: WhoUsesAnswer[] = indirectRows
    .slice(indirectStart, indirectStart + Math.max(room, 0))
    .map((row) => {
      const evidence = (row.evidence as Record<string, unknown>[]).flatMap(toEvidence);
      return {
        paper: toPaper(row.p as Record<string, unknown>),
        relation: RELATIONS[toNumber(row.rank)],
        roles: [],
        confidence: Math.max(0, ...evidence.map((e) => e.confidence)),
        evidence,
        throughPaperId: row.through as string,
      };
    });
  const totalCount = directTotal + indirectRows.length;
  return {
    totalCount,
    items: [...direct, ...others],
    offset,
    hasNextPage: offset + first < totalCount,
  };
}
