// The citation part of a paper write: one node per paper whatever source named it, and
// (:Paper)-[:CITES]->(:Paper) from reference lists. A cited paper not in the graph yet is a stub
// (`stub: true`, its id and external ids only) until it arrives itself.
import type { ManagedTransaction } from 'neo4j-driver';
import type { ExtractedPaper } from './write-papers.ts';

/** A node that shares an identifier with something in the batch. */
export interface KnownPaper {
  id: string;
  stub: boolean;
  externalIds: string[];
}

export interface Resolution {
  /** The batch with ids, external ids and references mapped onto existing nodes. */
  batch: ExtractedPaper[];
  /** Stubs renamed to the id of the paper that arrived for them (no node had that id yet). */
  renames: { from: string; to: string }[];
  /** Stubs merged into another node of the same paper: their citations move, they go. */
  folds: { from: string; to: string }[];
}

// Same order as src/ingest/normalize-id.ts: the store does not import from sources.
const PREFERENCE = ['arxiv', 'doi', 'openalex', 's2', 'mag'];
const rank = (id: string) => {
  const index = PREFERENCE.indexOf(id.slice(0, id.indexOf(':')));
  return index === -1 ? PREFERENCE.length : index;
};
const byPreference = (a: KnownPaper, b: KnownPaper) =>
  rank(a.id) - rank(b.id) || a.id.localeCompare(b.id);
const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

/** Every identifier of the batch's papers and of the papers they cite: what to look up. */
export function lookupIds(batch: ExtractedPaper[]): string[] {
  const ids = new Set<string>();
  for (const { paper } of batch) {
    ids.add(paper.id);
    for (const id of paper.externalIds ?? []) ids.add(id);
    for (const id of paper.references ?? []) ids.add(id);
  }
  return [...ids];
}

/**
 * Maps the batch onto the graph: a paper sharing any id with an existing real paper becomes that
 * node; stubs of it are renamed to its id or folded into it; references point at whichever node
 * holds the cited id. Pure, exported for tests.
 */
export function resolveBatch(batch: ExtractedPaper[], known: KnownPaper[]): Resolution {
  const byId = new Map<string, KnownPaper[]>();
  for (const node of known) {
    for (const id of unique([node.id, ...node.externalIds])) {
      byId.set(id, [...(byId.get(id) ?? []), node]);
    }
  }
  const exists = new Set(known.map((node) => node.id));
  const consumed = new Set<string>();
  const target = new Map<string, string>();
  const renames: Resolution['renames'] = [];
  const folds: Resolution['folds'] = [];
  const out = new Map<string, ExtractedPaper>();

  for (const item of batch) {
    const ids = unique([item.paper.id, ...(item.paper.externalIds ?? [])]);
    const matches = unique(ids.flatMap((id) => byId.get(id) ?? []))
      .filter((node) => !consumed.has(node.id))
      .sort(byPreference);
    const earlier = ids.map((id) => target.get(id)).find((id) => id !== undefined);
    const to = earlier ?? matches.find((node) => !node.stub)?.id ?? item.paper.id;
    const merged = new Set(ids);
    for (const stub of matches.filter((node) => node.stub && node.id !== to)) {
      if (exists.has(to)) folds.push({ from: stub.id, to });
      else renames.push({ from: stub.id, to });
      exists.add(to);
      consumed.add(stub.id);
      for (const id of [stub.id, ...stub.externalIds]) merged.add(id);
    }
    for (const id of [...merged, ...matches.map((node) => node.id)]) {
      if (!target.has(id)) target.set(id, to);
    }
    const previous = out.get(to);
    out.delete(to);
    out.set(to, {
      ...item,
      paper: {
        ...item.paper,
        id: to,
        externalIds: unique([to, ...(previous?.paper.externalIds ?? []), ...merged]),
        references: item.paper.references
          ? unique([...(previous?.paper.references ?? []), ...item.paper.references])
          : previous?.paper.references,
      },
    });
  }

  const resolveReference = (id: string) =>
    target.get(id) ??
    (byId.get(id) ?? [])
      .filter((node) => !consumed.has(node.id))
      .sort((a, b) => Number(a.stub) - Number(b.stub) || byPreference(a, b))[0]?.id ??
    id;
  const resolved = [...out.values()].map((item) => {
    const references = item.paper.references;
    if (!references) return item;
    const cited = unique(references.map(resolveReference)).filter((id) => id !== item.paper.id);
    return { ...item, paper: { ...item.paper, references: cited } };
  });
  return {
    batch: resolved,
    renames,
    folds,
  };
}

// NOTE: `externalIds` is a list; a range index cannot answer "list contains x", so a full-text
// index with the keyword analyzer (one token per whole id) does, queried with one phrase per id.
const FIND_KNOWN = `
CALL () {
  UNWIND $ids AS id
  MATCH (p:Paper {id: id}) USING INDEX SEEK p:Paper(id)
  RETURN p
  UNION
  UNWIND $phrases AS phrase
  CALL db.index.fulltext.queryNodes('paper_external_ids', phrase) YIELD node
  RETURN node AS p
}
RETURN DISTINCT p.id AS id, coalesce(p.stub, false) AS stub, coalesce(p.externalIds, []) AS externalIds`;

const RENAME_STUBS = `
UNWIND $renames AS row
MATCH (s:Paper {id: row.from}) USING INDEX SEEK s:Paper(id) WHERE s.stub = true
SET s.id = row.to`;

const FOLD_STUBS = `
UNWIND $folds AS row
MATCH (s:Paper {id: row.from}) USING INDEX SEEK s:Paper(id) WHERE s.stub = true
MATCH (t:Paper {id: row.to}) USING INDEX SEEK t:Paper(id)
CALL (s, t) {
  MATCH (x:Paper)-[:CITES]->(s) WHERE x <> t
  MERGE (x)-[:CITES]->(t)
}
SET t.externalIds = reduce(acc = coalesce(t.externalIds, [t.id]), x IN coalesce(s.externalIds, []) + s.id |
  CASE WHEN x IN acc THEN acc ELSE acc + x END)
DETACH DELETE s`;

const SET_EXTERNAL_IDS = `
UNWIND $papers AS row
MATCH (p:Paper {id: row.id}) USING INDEX SEEK p:Paper(id)
SET p.externalIds = reduce(acc = coalesce(p.externalIds, [p.id]), x IN row.externalIds |
  CASE WHEN x IN acc THEN acc ELSE acc + x END)`;

// NOTE: citations accumulate and are never removed by a write: two sources' reference lists of
// one paper complement each other, and a source without references (arXiv) keeps what is there.
const CREATE_CITES = `
UNWIND $cites AS row
MATCH (p:Paper {id: row.from}) USING INDEX SEEK p:Paper(id)
MERGE (c:Paper {id: row.to})
ON CREATE SET c.stub = true, c.externalIds = [row.to]
MERGE (p)-[:CITES]->(c)`;

const phrase = (id: string) => `"${id.replace(/[\\"]/g, '\\$&')}"`;

/**
 * Before a batch is written, in its transaction: finds the nodes that already hold its papers or
 * the papers they cite under any id, renames or folds their stubs, and returns the batch mapped
 * onto those nodes (the same array when nothing changed).
 */
export async function resolveExternalIds(
  tx: ManagedTransaction,
  batch: ExtractedPaper[],
): Promise<ExtractedPaper[]> {
  if (!batch.some(({ paper }) => paper.externalIds || paper.references)) return batch;
  const ids = lookupIds(batch);
  const { records } = await tx.run(FIND_KNOWN, { ids, phrases: ids.map(phrase) });
  const known = records.map((r) => ({
    id: r.get('id') as string,
    stub: r.get('stub') as boolean,
    externalIds: r.get('externalIds') as string[],
  }));
  const resolution = resolveBatch(batch, known);
  if (resolution.renames.length > 0) await tx.run(RENAME_STUBS, { renames: resolution.renames });
  if (resolution.folds.length > 0) await tx.run(FOLD_STUBS, { folds: resolution.folds });
  return resolution.batch;
}

/** After the batch's papers are written, in the same transaction: their ids and citations. */
export async function writeCitations(
  tx: ManagedTransaction,
  batch: ExtractedPaper[],
): Promise<number> {
  const papers = batch
    .filter(({ paper }) => paper.externalIds && paper.externalIds.length > 0)
    .map(({ paper }) => ({ id: paper.id, externalIds: paper.externalIds }));
  const cites = batch.flatMap(({ paper }) =>
    (paper.references ?? []).map((to) => ({ from: paper.id, to })),
  );
  if (papers.length > 0) await tx.run(SET_EXTERNAL_IDS, { papers });
  if (cites.length > 0) await tx.run(CREATE_CITES, { cites });
  return cites.length;
}
