// Links by their slice id (`source|TYPE|target[|via]`), with the evidence slices leave out.
import type { Evidence } from '../domain.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { EDGE_FIELDS, toEdge, type SliceEdge } from './graph-slices.ts';
import { LINK_TYPES, type LinkType } from './link-types.ts';
import { toEvidence } from './records.ts';
import type { Row } from './row.ts';
import { readRows } from './run-read.ts';

export interface LinkWithEvidence extends SliceEdge {
  evidence: Evidence[];
}

/** The label of every link type's start node: links are read from that end, by an id seek. */
const START_LABELS: Record<LinkType, 'Paper' | 'Claim' | 'Author' | 'Concept'> = {
  PROPOSES: 'Paper',
  USES: 'Paper',
  COMPARES: 'Paper',
  BACKGROUND: 'Paper',
  EVALUATES_ON: 'Paper',
  ADDRESSES: 'Paper',
  MEASURES: 'Paper',
  CLAIMS: 'Paper',
  BUILDS_ON: 'Paper',
  CITES: 'Paper',
  ON: 'Claim',
  AGAINST: 'Claim',
  WROTE: 'Author',
  VARIANT_OF: 'Concept',
};

/** Longer ids are not links (and would only multiply the readings of parseLinkId). */
const MAX_ID_LENGTH = 2000;

export interface LinkKey {
  id: string;
  source: string;
  type: LinkType;
  target: string;
  /** '' for links without one. */
  via: string;
}

/**
 * The ways an id can be read as a link: node ids may themselves contain `|`, so every `|TYPE|`
 * in it is a candidate, with and without a trailing via. The query keeps the reading that exists.
 */
export function parseLinkId(id: string): LinkKey[] {
  if (id.length > MAX_ID_LENGTH) return [];
  const parts = id.split('|');
  const keys: LinkKey[] = [];
  for (let i = 1; i < parts.length - 1; i += 1) {
    const type = LINK_TYPES.find((t) => t === parts[i]);
    if (!type) continue;
    const source = parts.slice(0, i).join('|');
    const rest = parts.slice(i + 1);
    keys.push({ id, source, type, target: rest.join('|'), via: '' });
    if (rest.length > 1) {
      keys.push({ id, source, type, target: rest.slice(0, -1).join('|'), via: rest.at(-1)! });
    }
  }
  return keys;
}

// A link's evidence is its mentions (JSON) with rule and confidence; the sentence, text and offsets
// it also carries repeat the first mention, and are read only from links without mentions.
// NOTE: one branch per link type, each fed its own list ($keys.USES...), so the relationship type
// is fixed text and the query one cached plan whatever types are asked for; empty lists cost
// nothing. Each start node is one index seek; the typed expansion from it is short (papers,
// claims and authors have few links; concepts, the hubs, are always the end node).
const LINKS_BY_ID = `
CALL () {
${LINK_TYPES.map(
  (type) => `  UNWIND $keys.${type} AS key
  MATCH (s:${START_LABELS[type]} {id: key.source}) USING INDEX SEEK s:${START_LABELS[type]}(id)
  MATCH (s)-[r:${type}]->(t)
  WHERE t.id = key.target AND coalesce(r.via, '') = key.via
  RETURN key.id AS id, r`,
).join('\n  UNION ALL\n')}
}
RETURN id, ${EDGE_FIELDS('r')} AS edge,
       CASE WHEN r.mentions IS NULL THEN properties(r)
       ELSE r {.confidence, .rule, .mentions} END AS evidence`;

/** A row of LINKS_BY_ID. */
const toLinkWithEvidence = (row: Row): LinkWithEvidence => ({
  ...toEdge(row.list('edge'), 'edge'),
  evidence: toEvidence(row.props('evidence')),
});

/** The links with these ids, evidence included; unknown ids are absent from the map. */
export async function loadLinks(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, LinkWithEvidence>> {
  const keys = Object.fromEntries(LINK_TYPES.map((type) => [type, [] as LinkKey[]]));
  for (const id of new Set(ids)) for (const key of parseLinkId(id)) keys[key.type].push(key);
  const found = new Map<string, LinkWithEvidence>();
  if (Object.values(keys).every((list) => list.length === 0)) return found;
  const links = await readRows(connection, LINKS_BY_ID, { keys }, toLinkWithEvidence);
  for (const link of links) if (!found.has(link.id)) found.set(link.id, link);
  return found;
}
