// "Which papers use technique X?": papers that propose, use or compare against it, then papers
// that build on or cite a paper proposing it.
import type { Evidence, Role } from '../domain.ts';
import { resolveConceptIds } from '../extract/concept-id.ts';
import { findConceptsByName, type ConceptWithCount } from './concept-reads.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { CONCEPT_LINKS } from './link-types.ts';
import { toInt, toNumber } from './neo4j-values.ts';
import {
  PAPER_SUMMARY_FIELDS,
  toConcept,
  toEvidence,
  toPaperSummary,
  type PaperSummary,
} from './records.ts';
import { runRead, type Page } from './run-read.ts';

export type WhoUsesRelation = 'MENTIONS' | 'BUILDS_ON' | 'CITES';

export interface WhoUsesAnswer {
  paper: PaperSummary;
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
  background: 'BACKGROUND',
};

// NOTE: one query answers the whole request (one round trip, one transaction), in four steps:
// 1. the concepts the name means (the lexicon's ids: a method and a model may share a name); the
//    best-connected one is reported;
// 2. the direct answers' count, from the degree store (no scan): a paper has one link per concept;
// 3. one page of direct answers, from an ordered scan of the rank-key index per link type and
//    concept, reading offset + first entries each (evidence is read for that page only);
// 4. papers that build on, or cite, a paper proposing the technique without naming it
//    themselves: few by nature (a handful of proposers), counted whole, and only the part that
//    falls on this page is read.
// The relationship types come from the fixed map above, never from input.
const whoUsesQuery = (types: string[], indirect: boolean) => `
MATCH (c:Concept) WHERE c.id IN $ids
WITH c, COUNT { (c)<-[:${CONCEPT_LINKS}]-() } AS papers
ORDER BY papers DESC, c.id
WITH collect(c) AS asked, head(collect(papers)) AS papers
WHERE size(asked) > 0
CALL (asked) {
  UNWIND asked AS c
  RETURN sum(COUNT { (c)<-[:${types.join('|')}]-() }) AS directTotal
}
CALL (asked) {
  UNWIND asked AS c
  CALL (c) {
${types
  .map(
    (type) => `    MATCH (p:Paper)-[r:${type}]->(:Concept)
    WHERE r.rankKey STARTS WITH c.id + '|'
    RETURN p, r ORDER BY r.rankKey LIMIT $upTo`,
  )
  .join('\n    UNION ALL\n')}
  }
  WITH p, r ORDER BY r.rankKey SKIP $offset LIMIT $first
  RETURN collect({p: p {${PAPER_SUMMARY_FIELDS}}, type: type(r), r: r {.rule, .confidence, .mentions}}) AS direct
}
CALL (asked, directTotal, direct) {
${
  indirect
    ? `  UNWIND asked AS c
  MATCH (c)<-[:PROPOSES]-(a:Paper)
  CALL (a) {
    MATCH (p:Paper)-[b:BUILDS_ON]->(a)
    OPTIONAL MATCH (p)-[r:USES|COMPARES]->(:Concept {id: b.via})
    RETURN p, 1 AS rank, collect(r {.rule, .confidence, .mentions}) AS evidence
    UNION
    MATCH (p:Paper)-[:CITES]->(a) WHERE NOT (p)-[:BUILDS_ON]->(a)
    RETURN p, 2 AS rank, [] AS evidence
  }
  WITH p, a, rank, evidence
  WHERE NOT EXISTS { MATCH (p)-[:PROPOSES|USES|COMPARES]->(d:Concept) WHERE d IN asked }
  WITH p, min(rank) AS rank, min(a.id) AS through, head(collect(evidence)) AS evidence
  ORDER BY rank, p.title, p.id
  LIMIT ${MAX_INDIRECT}
  WITH collect({p: p, rank: rank, through: through, evidence: evidence}) AS rows
  WITH rows, CASE WHEN $offset > directTotal THEN $offset - directTotal ELSE 0 END AS start
  RETURN size(rows) AS indirectTotal,
         [row IN rows[start..start + $first - size(direct)] |
           row {.rank, .through, .evidence, p: [p IN [row.p] | p {${PAPER_SUMMARY_FIELDS}}][0]}]
           AS indirect`
    : `  RETURN 0 AS indirectTotal, [] AS indirect`
}
}
RETURN properties(asked[0]) AS technique, papers, directTotal, direct, indirectTotal, indirect`;

/** Indirect answers read at most, per request. */
const MAX_INDIRECT = 1000;

const RELATIONS: WhoUsesRelation[] = ['MENTIONS', 'BUILDS_ON', 'CITES'];

/**
 * Who proposes, uses or compares against the technique named `name` (any alias), then who
 * builds on or cites its proposers. With `roles`, only papers with those roles towards it;
 * indirect answers come only without a role filter. `technique` is the concept the name means,
 * null when none does.
 */
export async function whoUses(
  connection: Neo4jConnection,
  name: string,
  roles: Role[] | null,
  first: number,
  offset: number,
): Promise<{ technique: ConceptWithCount | null; page: Page<WhoUsesAnswer> }> {
  const filtered = roles !== null && roles.length > 0;
  const types = (filtered ? roles : (['proposes', 'uses', 'compares'] as Role[])).map(
    (role) => ROLE_TYPES[role],
  );
  const query = whoUsesQuery(types, !filtered);
  const ask = async (ids: string[]) =>
    (
      await runRead(connection, query, {
        ids,
        upTo: toInt(offset + first),
        offset: toInt(offset),
        first: toInt(first),
      })
    )[0];
  let row = await ask(resolveConceptIds(name));
  if (!row) {
    // Not a name the lexicon knows: maybe an alias only the graph has seen (an acronym a paper
    // defined), found by a slower scan of the concepts' surface forms.
    const [best] = await findConceptsByName(connection, name);
    if (best) row = await ask([best.id]);
  }
  if (!row) {
    return { technique: null, page: { totalCount: 0, items: [], offset, hasNextPage: false } };
  }
  const direct = (row.direct as Record<string, unknown>[]).map((link): WhoUsesAnswer => {
    const evidence = toEvidence(link.r as Record<string, unknown>);
    return {
      paper: toPaperSummary(link.p as Record<string, unknown>),
      relation: 'MENTIONS',
      roles: [(link.type as string).toLowerCase() as Role],
      confidence: Math.max(0, ...evidence.map((e) => e.confidence)),
      evidence,
      throughPaperId: null,
    };
  });
  // Indirect answers follow the direct ones: they fill the page where the direct ones end.
  const indirect = (row.indirect as Record<string, unknown>[]).map((link): WhoUsesAnswer => {
    const evidence = (link.evidence as Record<string, unknown>[]).flatMap(toEvidence);
    return {
      paper: toPaperSummary(link.p as Record<string, unknown>),
      relation: RELATIONS[toNumber(link.rank)],
      roles: [],
      confidence: Math.max(0, ...evidence.map((e) => e.confidence)),
      evidence,
      throughPaperId: link.through as string,
    };
  });
  const totalCount = toNumber(row.directTotal) + toNumber(row.indirectTotal);
  return {
    technique: {
      ...toConcept(row.technique as Record<string, unknown>),
      paperCount: toNumber(row.papers),
    },
    page: {
      totalCount,
      items: [...direct, ...indirect],
      offset,
      hasNextPage: offset + first < totalCount,
    },
  };
}
