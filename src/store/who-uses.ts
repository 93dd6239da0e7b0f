// "Which papers use technique X?": papers that propose, use or compare against it, then papers
// that build on or cite a paper proposing it.
import type { Evidence, Paper, Role } from '../domain.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toNumber } from './neo4j-values.ts';

import { toEvidence, toPaper } from './records.ts';
import { readPage, type Page } from './run-read.ts';

export type WhoUsesRelation = 'MENTIONS' | 'BUILDS_ON' | 'CITES';

export interface WhoUsesAnswer {
  paper: Paper;
  relation: WhoUsesRelation;
  roles: Role[];
  confidence: number;
  evidence: Evidence[];
  throughPaperId: string | null;
}

// NOTE: rows are ranked and paged before their evidence is read, so a popular technique costs
// one sort of (paper, rank, confidence) rows and evidence for one page only.
const CANDIDATES = `
CALL () {
  MATCH (p:Paper)-[r:PROPOSES|USES|COMPARES]->(c:Concept)
  WHERE c.id IN $ids AND ($types IS NULL OR type(r) IN $types)
  WITH p, max(r.confidence) AS confidence
  RETURN p, 0 AS rank, confidence, null AS through
  UNION ALL
  MATCH (a:Paper)-[:PROPOSES]->(c:Concept) WHERE $indirect AND c.id IN $ids
  MATCH (p:Paper)-[:BUILDS_ON]->(a)
  WHERE NOT EXISTS { MATCH (p)-[:PROPOSES|USES|COMPARES]->(d:Concept) WHERE d.id IN $ids }
  WITH p, min(a.id) AS through
  RETURN p, 1 AS rank, 0.0 AS confidence, through
  UNION ALL
  MATCH (a:Paper)-[:PROPOSES]->(c:Concept) WHERE $indirect AND c.id IN $ids
  MATCH (p:Paper)-[:CITES]->(a)
  WHERE NOT EXISTS { MATCH (p)-[:PROPOSES|USES|COMPARES]->(d:Concept) WHERE d.id IN $ids }
    AND NOT EXISTS { MATCH (p)-[:BUILDS_ON]->(a) }
  WITH p, min(a.id) AS through
  RETURN p, 2 AS rank, 0.0 AS confidence, through
}`;

const COUNT_QUERY = `${CANDIDATES}\nRETURN count(DISTINCT p) AS n`;

const PAGE_QUERY = `${CANDIDATES}
WITH p, min(rank) AS rank, max(confidence) AS confidence, min(through) AS through
ORDER BY rank, confidence DESC, p.title, p.id
SKIP $offset LIMIT $first
CALL (p, rank, through) {
  OPTIONAL MATCH (p)-[r:PROPOSES|USES|COMPARES]->(c:Concept)
  WHERE rank = 0 AND c.id IN $ids
  RETURN collect(type(r)) AS types, collect(properties(r)) AS direct
}
CALL (p, rank, through) {
  OPTIONAL MATCH (p)-[b:BUILDS_ON]->(:Paper {id: through})
  OPTIONAL MATCH (p)-[r:USES|COMPARES]->(:Concept {id: b.via})
  WHERE rank = 1
  RETURN collect(properties(r)) AS lineage
}
RETURN properties(p) AS p, rank, confidence, through, types, direct + lineage AS evidence`;

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
  const params = {
    ids: conceptIds,
    types: roles && roles.length > 0 ? roles.map((role) => role.toUpperCase()) : null,
    indirect: !roles || roles.length === 0,
  };
  return readPage(
    connection,
    { count: COUNT_QUERY, page: PAGE_QUERY },
    params,
    { offset, first },
    (row) => {
      const evidence = (row.evidence as Record<string, unknown>[]).flatMap(toEvidence);
      return {
        paper: toPaper(row.p as Record<string, unknown>),
        relation: RELATIONS[toNumber(row.rank)],
        roles: [...new Set((row.types as string[]).map((t) => t.toLowerCase() as Role))],
        confidence: toNumber(row.confidence) || Math.max(0, ...evidence.map((e) => e.confidence)),
        evidence,
        throughPaperId: (row.through as string | null) ?? null,
      };
    },
  );
}
