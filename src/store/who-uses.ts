// "Which papers use technique X?": papers that propose, use or compare against it, then papers
// that build on or cite a paper proposing it.
import type { Concept, Evidence, Role } from '../domain.ts';
import { resolveConceptIds } from '../extract/concept-id.ts';
import { findConceptsByName, type ConceptWithCount } from './concept-reads.ts';
import { IN_SCOPE, isScoped, scopeParams, type PaperScope } from './paper-scope.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { DIRECT_LINK_TYPES, DIRECT_LINKS, linkTypesOfRoles, roleOfLink } from './link-types.ts';
import { toInt } from './neo4j-values.ts';
import {
  PAPER_SUMMARY_FIELDS,
  toConcept,
  toEvidence,
  toPaperSummary,
  type PaperSummary,
} from './records.ts';
import { readRows, type Page } from './run-read.ts';

export type WhoUsesRelation = 'DIRECT' | 'BUILDS_ON' | 'CITES';

export interface WhoUsesAnswer {
  paper: PaperSummary;
  relation: WhoUsesRelation;
  roles: Role[];
  /** The variant the paper names, when it is not the technique itself. */
  variantId: string | null;
  confidence: number;
  evidence: Evidence[];
  throughPaperId: string | null;
}

// NOTE: one query answers the whole request (one round trip, one transaction), in five steps,
// one fragment each below:
// 1. the concepts the name means (the lexicon's ids: an ambiguous acronym has several senses);
//    the best-supported one is the technique, the others are reported as alternatives;
// 2. the technique and its variants (ResNet and ResNet-50, GPT-4 and GPT-4o), two levels at most;
// 3. the direct answers' count, from the degree store (no scan): a paper has one link per concept;
// 4. one page of direct answers, from an ordered scan of the rank-key index per link type and
//    concept, reading offset + first entries each (evidence is read for that page only);
// 5. papers that build on, or cite, a paper proposing the technique without naming it
//    themselves: few by nature (a handful of proposers), counted whole, and only the part that
//    falls on this page is read.
// The relationship types come from the fixed lists of link-types.ts, never from input. With a
// scope (a collection, a date range) the counts read the concept's links instead of the degree
// store, and the ordered scans skip papers out of scope.

/** Indirect answers read at most, per request. */
const MAX_INDIRECT = 1000;

/** 1. The best-supported concept of the name is the technique; the others are alternatives. */
const TECHNIQUE = `
MATCH (named:Concept) WHERE named.id IN $ids
WITH named, COUNT { (named)<-[:${DIRECT_LINKS}]-() } AS papers
ORDER BY papers DESC, named.id
WITH collect(named) AS named, collect(papers) AS counts
WHERE size(named) > 0
WITH named[0] AS technique, counts[0] AS papers, named[1..] AS alternatives`;

/** 2. The technique and its variants, two levels down. */
const FAMILY = `
CALL (technique) {
  OPTIONAL MATCH (v:Concept)-[:VARIANT_OF*1..2]->(technique)
  WITH collect(DISTINCT v) AS variants
  RETURN [technique] + variants AS asked
}`;

/** 3. How many direct answers, and how many papers the family has. */
const COUNTS = (types: string[], scoped: boolean) => `
CALL (asked) {
  UNWIND asked AS c
  RETURN sum(${
    scoped
      ? `COUNT { MATCH (c)<-[:${types.join('|')}]-(p:Paper) WHERE ${IN_SCOPE} }`
      : `COUNT { (c)<-[:${types.join('|')}]-() }`
  }) AS directTotal,
         sum(COUNT { (c)<-[:${DIRECT_LINKS}]-() }) AS familyPapers
}`;

/** One link type's best-evidenced links to a concept `c`, in rank-key order. */
const RANKED_LINKS = (type: string, scoped: boolean) => `    MATCH (p:Paper)-[r:${type}]->(:Concept)
    WHERE r.rankKey STARTS WITH c.id + '|'${scoped ? ` AND ${IN_SCOPE}` : ''}
    RETURN p, r ORDER BY r.rankKey LIMIT $upTo`;

/** 4. One page of direct answers across the family, best evidence first whichever variant. */
const DIRECT_PAGE = (types: string[], scoped: boolean) => `
CALL (asked) {
  UNWIND asked AS c
  CALL (c) {
${types.map((type) => RANKED_LINKS(type, scoped)).join('\n    UNION ALL\n')}
  }
  WITH c, p, r ORDER BY substring(r.rankKey, size(c.id) + 1), c.id SKIP $offset LIMIT $first
  RETURN collect({p: p {${PAPER_SUMMARY_FIELDS}}, type: type(r), variant: c.id, r: r {.rule, .confidence, .mentions, .role}}) AS direct
}`;

/** 5. Papers that build on or cite a proposer without naming the technique: the page's part. */
const INDIRECT_PAGE = (scoped: boolean) => `
CALL (asked, directTotal, direct) {
  UNWIND asked AS c
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
  WHERE NOT EXISTS { MATCH (p)-[:${DIRECT_LINKS}]->(d:Concept) WHERE d IN asked }${
    scoped ? ` AND ${IN_SCOPE}` : ''
  }
  WITH p, min(rank) AS rank, min(a.id) AS through, head(collect(evidence)) AS evidence
  ORDER BY rank, p.title, p.id
  LIMIT ${MAX_INDIRECT}
  WITH collect({p: p, rank: rank, through: through, evidence: evidence}) AS rows
  WITH rows, CASE WHEN $offset > directTotal THEN $offset - directTotal ELSE 0 END AS start
  RETURN size(rows) AS indirectTotal,
         [row IN rows[start..start + $first - size(direct)] |
           row {.rank, .through, .evidence, p: [p IN [row.p] | p {${PAPER_SUMMARY_FIELDS}}][0]}]
           AS indirect
}`;

/** With a role filter there are no indirect answers. */
const NO_INDIRECT = `
CALL () {
  RETURN 0 AS indirectTotal, [] AS indirect
}`;

const ANSWER = `
RETURN properties(technique) AS technique, papers, familyPapers, directTotal, direct,
       indirectTotal, indirect,
       [a IN alternatives | properties(a)] AS alternatives`;

export interface WhoUsesRequest {
  roles: Role[] | null;
  first: number;
  offset: number;
  scope?: PaperScope;
}

/** The Cypher and parameters that answer a request about the concepts `ids`. */
export function whoUsesStatement(
  ids: string[],
  { roles, first, offset, scope = {} }: WhoUsesRequest,
): { query: string; params: Record<string, unknown> } {
  const filtered = roles !== null && roles.length > 0;
  const types = filtered ? linkTypesOfRoles(roles) : [...DIRECT_LINK_TYPES];
  const scoped = isScoped(scope);
  return {
    query: [
      TECHNIQUE,
      FAMILY,
      COUNTS(types, scoped),
      DIRECT_PAGE(types, scoped),
      filtered ? NO_INDIRECT : INDIRECT_PAGE(scoped),
      ANSWER,
    ].join(''),
    params: {
      ids,
      upTo: toInt(offset + first),
      offset: toInt(offset),
      first: toInt(first),
      ...scopeParams(scope),
    },
  };
}

const RELATIONS: WhoUsesRelation[] = ['DIRECT', 'BUILDS_ON', 'CITES'];

/** The technique a name resolved to, with its family's count and the name's other senses. */
export interface WhoUsesTechnique extends ConceptWithCount {
  familyPaperCount: number;
  alternatives: Concept[];
}

/**
 * Who proposes, uses or compares against the concept named `name` (any alias, any kind) or one
 * of its variants, then who builds on or cites its proposers. With `roles`, only papers with
 * those roles towards it (`background` only when asked); indirect answers come only without a
 * role filter. `technique` is the best-supported concept the name means, null when none does.
 */
export async function whoUses(
  connection: Neo4jConnection,
  name: string,
  roles: Role[] | null,
  first: number,
  offset: number,
  scope: PaperScope = {},
): Promise<{ technique: WhoUsesTechnique | null; page: Page<WhoUsesAnswer> }> {
  const ask = async (ids: string[]) => {
    const { query, params } = whoUsesStatement(ids, { roles, first, offset, scope });
    return (await readRows(connection, query, params, (row) => row))[0];
  };
  let row = await ask(resolveConceptIds(name));
  if (!row) {
    // Not a name the lexicon knows: maybe an alias only the graph has seen (an acronym a paper
    // defined), found by a slower scan of the concepts' surface forms.
    const found = await findConceptsByName(connection, name);
    if (found.length > 0) row = await ask(found.map((c) => c.id));
  }
  if (!row) {
    return { technique: null, page: { totalCount: 0, items: [], offset, hasNextPage: false } };
  }
  const technique = toConcept(row.props('technique'));
  const direct = row.rows('direct').map((link): WhoUsesAnswer => {
    const props = link.props('r');
    const evidence = toEvidence(props);
    const variant = link.string('variant');
    return {
      paper: toPaperSummary(link.props('p')),
      relation: 'DIRECT',
      roles: [roleOfLink(link.string('type'), props.role)],
      variantId: variant === technique.id ? null : variant,
      confidence: Math.max(0, ...evidence.map((e) => e.confidence)),
      evidence,
      throughPaperId: null,
    };
  });
  // Indirect answers follow the direct ones: they fill the page where the direct ones end.
  const indirect = row.rows('indirect').map((link): WhoUsesAnswer => {
    const evidence = link.propsList('evidence').flatMap(toEvidence);
    return {
      paper: toPaperSummary(link.props('p')),
      relation: RELATIONS[link.number('rank')],
      roles: [],
      variantId: null,
      confidence: Math.max(0, ...evidence.map((e) => e.confidence)),
      evidence,
      throughPaperId: link.string('through'),
    };
  });
  const totalCount = row.number('directTotal') + row.number('indirectTotal');
  return {
    technique: {
      ...technique,
      paperCount: row.number('papers'),
      familyPaperCount: row.number('familyPapers'),
      alternatives: row.propsList('alternatives').map(toConcept),
    },
    page: {
      totalCount,
      items: [...direct, ...indirect],
      offset,
      hasNextPage: offset + first < totalCount,
    },
  };
}
