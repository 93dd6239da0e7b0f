import type { Neo4jConnection } from './connect-neo4j.ts';
import { NODE_KINDS, type NodeKind } from './graph-slices.ts';
import { DIRECT_LINKS } from './link-types.ts';
import { toInt } from './neo4j-values.ts';
import { toLuceneQuery } from './paper-reads.ts';
import type { Row } from './row.ts';
import { readRows } from './run-read.ts';

export interface SearchHit {
  id: string;
  kind: NodeKind;
  label: string;
  score: number;
  /** The alias that matched, when it is not the label. */
  matched: string | null;
  /** For a concept: papers that propose, use or compare against it; null for a paper. */
  paperCount: number | null;
  /** For a variant: its family's name (ResNet for ResNet-50). */
  family: string | null;
  /** For a concept: how many variants it has. */
  variants: number;
}

// Concepts rank above papers, and among concepts the best supported first: a name typed in a
// search box usually means the concept most papers mean by it. A name or alias equal to the text
// comes first of all. Aliases are matched through the `concept_names` index over name and
// aliasText; more concepts than shown are read, so the main node of a common word is not cut
// before it is ranked.
const SEARCH = `
CALL () {
  CALL db.index.fulltext.queryNodes('concept_names', $query, {limit: $pool}) YIELD node, score
  WITH node, score, COUNT { (node)<-[:${DIRECT_LINKS}]-(:Paper) } AS papers
  RETURN node.id AS id, toUpper(node.kind) AS kind, node.name AS label,
         (CASE WHEN toLower(node.name) = $prefix OR $prefix IN [a IN node.aliases | toLower(a)]
               THEN 100.0 ELSE 0.0 END) + score * 1.5 * (1.0 + log10(1.0 + papers)) AS score,
         [a IN node.aliases WHERE toLower(a) STARTS WITH $prefix AND toLower(a) <> toLower(node.name)][0] AS matched,
         papers,
         [(node)-[:VARIANT_OF]->(f:Concept) | f.name][0] AS family,
         COUNT { (node)<-[:VARIANT_OF]-(:Concept) } AS variants
  UNION ALL
  CALL db.index.fulltext.queryNodes('paper_text', $query, {limit: $first}) YIELD node, score
  RETURN node.id AS id, 'PAPER' AS kind, node.title AS label, score, null AS matched,
         null AS papers, null AS family, 0 AS variants
}
WITH id, kind, label, score, matched, papers, family, variants
WHERE $kinds IS NULL OR kind IN $kinds
RETURN id, kind, label, score, matched, papers, family, variants
ORDER BY score DESC, label
LIMIT $first`;

/** A row of SEARCH; a hit without a name or title is labelled by its id. */
const toSearchHit = (row: Row): SearchHit => ({
  id: row.string('id'),
  kind: row.oneOf('kind', NODE_KINDS),
  label: row.optionalString('label') ?? row.string('id'),
  score: row.number('score'),
  matched: row.optionalString('matched'),
  paperCount: row.optionalNumber('papers'),
  family: row.optionalString('family'),
  variants: row.number('variants'),
});

export async function searchGraph(
  connection: Neo4jConnection,
  text: string,
  kinds: NodeKind[] | null,
  first: number,
): Promise<SearchHit[]> {
  const query = toLuceneQuery(text);
  if (query === '""') return [];
  return readRows(
    connection,
    SEARCH,
    {
      query,
      prefix: text.trim().toLowerCase(),
      kinds,
      first: toInt(first),
      pool: toInt(Math.max(first * 5, 50)),
    },
    toSearchHit,
  );
}
