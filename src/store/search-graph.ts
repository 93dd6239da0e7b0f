import type { Neo4jConnection } from './connect-neo4j.ts';
import type { NodeKind } from './graph-slices.ts';
import { toInt } from './neo4j-values.ts';
import { toLuceneQuery } from './paper-reads.ts';
import { runRead } from './run-read.ts';

export interface SearchHit {
  id: string;
  kind: NodeKind;
  label: string;
  score: number;
  /** The alias that matched, when it is not the label. */
  matched: string | null;
}

// Concepts rank above papers at equal score: a name typed in a search box usually means the
// concept. Aliases are matched through the `concept_names` index over name and aliasText.
const SEARCH = `
CALL () {
  CALL db.index.fulltext.queryNodes('concept_names', $query, {limit: $first}) YIELD node, score
  RETURN node.id AS id, toUpper(node.kind) AS kind, node.name AS label, score * 1.5 AS score,
         [a IN node.aliases WHERE toLower(a) STARTS WITH $prefix AND a <> node.name][0] AS matched
  UNION ALL
  CALL db.index.fulltext.queryNodes('paper_text', $query, {limit: $first}) YIELD node, score
  RETURN node.id AS id, 'PAPER' AS kind, node.title AS label, score, null AS matched
}
WITH id, kind, label, score, matched
WHERE $kinds IS NULL OR kind IN $kinds
RETURN id, kind, label, score, matched
ORDER BY score DESC, label
LIMIT $first`;

export async function searchGraph(
  connection: Neo4jConnection,
  text: string,
  kinds: NodeKind[] | null,
  first: number,
): Promise<SearchHit[]> {
  const query = toLuceneQuery(text);
  if (query === '""') return [];
  const rows = await runRead(connection, SEARCH, {
    query,
    prefix: text.trim().toLowerCase(),
    kinds,
    first: toInt(first),
  });
  return rows.map((row) => ({
    id: row.id as string,
    kind: row.kind as NodeKind,
    label: (row.label as string | null) ?? (row.id as string),
    score: row.score as number,
    matched: (row.matched as string | null) ?? null,
  }));
}
