// Batched, idempotent writes of extracted papers: one transaction per batch, so the graph only
// ever holds whole papers. Re-writing a paper replaces everything derived from its old text.
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { ConceptKind, Extraction, Mention, RawPaper } from '../domain.ts';
import { conceptId, nameKey } from '../extract/concept-id.ts';
import { yearOf } from '../ingest/paper-schema.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { lexiconEntryById } from '../extract/lexicon.ts';
import { CONCEPT_LINKS, KIND_LABELS, linkTypeOf, type ConceptLinkType } from './link-types.ts';
import { ADD_TO_COLLECTIONS, addToCollections } from './collections.ts';
import { RANK_KEY } from './rank-key.ts';
import { replanAsGraphGrows } from './replan-as-graph-grows.ts';
import { toInt } from './neo4j-values.ts';
import { readRows } from './run-read.ts';
import { toStoreError } from './store-error.ts';
import { resolveExternalIds, writeCitations } from './write-citations.ts';

export interface ExtractedPaper {
  paper: RawPaper;
  extraction: Extraction;
  /** Hash of the paper's text and the extractor version: unchanged papers are skipped on rerun. */
  contentHash: string;
}

export interface WriteCounts {
  papers: number;
  links: number;
  claims: number;
}

/** Evidence as relationship properties: the first mention inline, every mention as JSON. */
function evidenceProps(mentions: Mention[], rule: string, confidence: number) {
  const first = mentions[0];
  return {
    sentence: first?.sentence ?? '',
    field: first?.field ?? 'abstract',
    start: first?.start ?? 0,
    end: first?.end ?? 0,
    text: first?.text ?? '',
    rule,
    confidence,
    mentions: JSON.stringify(mentions),
  };
}

// NOTE: every seek by id carries `USING INDEX SEEK` (a plain `USING INDEX` may be met by a scan of
// the index). Plans are cached, and those made early in a first ingest, when the index statistics
// still said "empty", scanned the whole id index once per row until Neo4j replanned, so a batch
// cost more than the one before for the first seconds of an ingest.
const UPSERT_PAPERS = `
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p += row.props, p.stub = false`;

// NOTE: BUILDS_ON is derived, so it goes in both directions when a paper's text changes.
const CLEAR_DERIVED = `
UNWIND $ids AS id
MATCH (p:Paper {id: id}) USING INDEX SEEK p:Paper(id)
CALL (p) { MATCH (p)-[r:${CONCEPT_LINKS}|BUILDS_ON]->() DELETE r }
CALL (p) { MATCH (p)<-[r:BUILDS_ON|WROTE]-() DELETE r }
CALL (p) { MATCH (p)-[:CLAIMS]->(c:Claim) DETACH DELETE c }`;

// NOTE: labels and relationship types chosen from data are Cypher 5.26's dynamic `$(...)`, with
// values only from KIND_LABELS and CONCEPT_LINK_TYPES (set in toWriteRows), never from input.
// Setting a label on every concept, even one that has it, write-locks the concept until commit:
// a concurrent rewrite that leaves it without links then waits, sees this batch's links, and keeps
// it (tests/store/write-papers.int.test.ts). A lexicon concept's kind is the lexicon's; another
// concept's kind is a vote of its links (RESOLVE_KINDS). Aliases and keys are written only when new.
const UPSERT_CONCEPTS = `
UNWIND $concepts AS row
MERGE (c:Concept {id: row.id})
ON CREATE SET c.name = row.name, c.kind = row.kind, c.aliases = [], c.keys = [], c:$(row.label)
SET c:Concept, c.broad = row.broad
WITH c, row
CALL (c, row) {
  WITH c, row WHERE row.known AND c.kind <> row.kind
  REMOVE c:Method:Model:Dataset:Task:Metric:Hardware
  SET c.kind = row.kind, c.name = row.name, c:$(row.label)
}
WITH c, row,
     [a IN row.aliases WHERE NOT a IN c.aliases] AS newAliases,
     [k IN row.keys WHERE NOT k IN c.keys] AS newKeys
WHERE size(newAliases) > 0 OR size(newKeys) > 0
WITH c, c.aliases + newAliases AS aliases, c.keys + newKeys AS keys
SET c.aliases = aliases, c.keys = keys, c.aliasText = reduce(s = '', a IN aliases | s + ' ' + a)`;

// A variant and its family (ResNet-50 -> ResNet): the family node exists even when no paper of
// the graph names it, so asking for the family finds its variants.
const LINK_FAMILIES = `
UNWIND $families AS row
MATCH (c:Concept {id: row.id}) USING INDEX SEEK c:Concept(id)
MERGE (f:Concept {id: row.familyId})
ON CREATE SET f.name = row.familyName, f.kind = row.familyKind, f:$(row.familyLabel),
  f.aliases = [row.familyName], f.keys = [row.familyKey], f.aliasText = ' ' + row.familyName,
  f.broad = false
MERGE (c)-[:VARIANT_OF]->(f)`;

// NOTE: the kind of a concept the lexicon does not know is the kind most of its links guessed
// (ties by name), so it does not depend on the order papers arrive in.
const RESOLVE_KINDS = `
UNWIND $conceptIds AS conceptId
MATCH (c:Concept {id: conceptId}) USING INDEX SEEK c:Concept(id)
CALL (c) {
  MATCH (c)<-[r]-(:Paper) WHERE r.kind IS NOT NULL
  WITH r.kind AS kind, count(*) AS votes
  ORDER BY votes DESC, kind
  RETURN collect(kind)[0] AS kind
}
WITH c, kind WHERE kind IS NOT NULL AND kind <> c.kind
REMOVE c:Method:Model:Dataset:Task:Metric:Hardware
SET c.kind = kind, c:$($labels[kind])`;

const CREATE_LINKS = `
UNWIND $links AS row
MATCH (p:Paper {id: row.paperId}) USING INDEX SEEK p:Paper(id)
MATCH (c:Concept {id: row.conceptId}) USING INDEX SEEK c:Concept(id)
CREATE (p)-[r:$(row.type)]->(c)
SET r = row.props, r.rankKey = ${RANK_KEY('r', 'p', 'c')}`;

const CREATE_CLAIMS = `
UNWIND $claims AS row
MATCH (p:Paper {id: row.paperId}) USING INDEX SEEK p:Paper(id)
MERGE (c:Claim {id: row.id})
SET c += row.props
CREATE (p)-[r:CLAIMS]->(c)
SET r = row.evidence
WITH c, row
CALL (c, row) {
  WITH c, row WHERE row.hardwareId IS NOT NULL
  MATCH (h:Concept {id: row.hardwareId}) USING INDEX SEEK h:Concept(id)
  MERGE (c)-[:ON]->(h)
}
CALL (c, row) {
  WITH c, row WHERE row.baselineId IS NOT NULL
  MATCH (b:Concept {id: row.baselineId}) USING INDEX SEEK b:Concept(id)
  MERGE (c)-[a:AGAINST]->(b)
  SET a = row.evidence
}`;

const LINK_AUTHORS = `
UNWIND $authors AS row
MATCH (p:Paper {id: row.paperId}) USING INDEX SEEK p:Paper(id)
MERGE (a:Author {id: row.id})
ON CREATE SET a.name = row.name
MERGE (a)-[:WROTE]->(p)`;

/**
 * A concept that more than this many papers claim to propose is common ground (or extractor
 * noise), not one paper's technique: it yields no lineage. This also keeps BUILDS_ON from growing
 * as proposers x users on large corpora.
 */
export const MAX_PROPOSERS_FOR_LINEAGE = 3;

// What the batch's papers linked to before this write: lineage of what they proposed must be
// re-derived, and concepts nothing links to any more are removed.
const PREVIOUS_LINKS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id}) USING INDEX SEEK p:Paper(id)
MATCH (p)-[r:${CONCEPT_LINKS}|CLAIMS]->(n)
CALL (n) {
  OPTIONAL MATCH (n:Claim)-[:ON|AGAINST]->(h:Concept)
  RETURN collect(h) AS claimed
}
UNWIND CASE WHEN n:Concept THEN [n] ELSE claimed END AS c
OPTIONAL MATCH (c)-[:VARIANT_OF]->(f:Concept)
RETURN collect(DISTINCT c.id) AS linked,
       collect(DISTINCT f.id) AS families,
       collect(DISTINCT CASE WHEN type(r) = 'PROPOSES' THEN c.id END) AS proposed`;

// A concept is kept while a paper or a claim links to it, or a variant names it as its family.
const DELETE_ORPHANS = `
UNWIND $conceptIds AS conceptId
MATCH (c:Concept {id: conceptId}) USING INDEX SEEK c:Concept(id)
WHERE NOT (c)<-[:${CONCEPT_LINKS}|ON|AGAINST|VARIANT_OF]-()
DETACH DELETE c`;

// Authors of the batch's papers before this write: those who wrote nothing else go with them.
const PREVIOUS_AUTHORS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id}) USING INDEX SEEK p:Paper(id)
MATCH (p)<-[:WROTE]-(a:Author)
RETURN collect(DISTINCT a.id) AS authors`;

const DELETE_ORPHAN_AUTHORS = `
UNWIND $authorIds AS authorId
MATCH (a:Author {id: authorId}) USING INDEX SEEK a:Author(id)
WHERE NOT (a)-[:WROTE]->()
DELETE a`;

// The batch's papers as users: lineage to every paper proposing what they use or compare.
const DERIVE_BUILDS_ON_FROM = `
UNWIND $ids AS id
MATCH (b:Paper {id: id}) USING INDEX SEEK b:Paper(id)
MATCH (b)-[:USES|COMPARES]->(c:Concept)
WITH b, c WHERE COUNT { (c)<-[:PROPOSES]-() } <= $maxProposers AND NOT coalesce(c.broad, false)
MATCH (c)<-[:PROPOSES]-(a:Paper)
WHERE a <> b
MERGE (b)-[:BUILDS_ON {via: c.id}]->(a)`;

// NOTE: only papers link to concepts, so `(c)<-[:PROPOSES]-()` without a label is counted from
// the degree store instead of by expanding every proposer.
// Concepts whose proposers changed in this batch: drop their lineage when they became common,
// otherwise (re)derive it for all their users, whichever order the papers arrived in.
const RESYNC_BUILDS_ON = `
UNWIND $conceptIds AS conceptId
MATCH (c:Concept {id: conceptId}) USING INDEX SEEK c:Concept(id)
WITH c, COUNT { (c)<-[:PROPOSES]-() } AS proposers
CALL (c, proposers) {
  WITH c WHERE proposers > $maxProposers OR coalesce(c.broad, false)
  MATCH (c)<-[:PROPOSES]-(:Paper)<-[r:BUILDS_ON]-()
  WHERE r.via = c.id
  DELETE r
}
CALL (c, proposers) {
  WITH c WHERE proposers <= $maxProposers AND NOT coalesce(c.broad, false)
  MATCH (a:Paper)-[:PROPOSES]->(c)<-[:USES|COMPARES]-(b:Paper)
  WHERE a <> b
  MERGE (b)-[:BUILDS_ON {via: c.id}]->(a)
}`;

/** Every statement of a paper write, by name: tests check how Neo4j plans them. */
export const WRITE_STATEMENTS = {
  PREVIOUS_LINKS,
  PREVIOUS_AUTHORS,
  UPSERT_PAPERS,
  CLEAR_DERIVED,
  UPSERT_CONCEPTS,
  LINK_FAMILIES,
  CREATE_LINKS,
  RESOLVE_KINDS,
  CREATE_CLAIMS,
  LINK_AUTHORS,
  DERIVE_BUILDS_ON_FROM,
  RESYNC_BUILDS_ON,
  DELETE_ORPHANS,
  DELETE_ORPHAN_AUTHORS,
  ADD_TO_COLLECTIONS,
};

interface ConceptRow {
  id: string;
  kind: string;
  label: string;
  name: string;
  aliases: string[];
  keys: string[];
  /** The lexicon knows it: its kind and name are the lexicon's. */
  known: boolean;
  broad: boolean;
}

/** Turns a batch into the parameter rows of the statements above. Pure, exported for tests. */
export function toWriteRows(batch: ExtractedPaper[], ingestedAt: string) {
  const concepts = new Map<string, ConceptRow>();
  const addConcept = (
    id: string,
    kind: ConceptKind,
    name: string,
    forms: string[],
    broad = false,
  ) => {
    const known = lexiconEntryById(id);
    const row = concepts.get(id) ?? {
      id,
      kind: known?.kind ?? kind,
      label: KIND_LABELS[known?.kind ?? kind],
      name: known?.name ?? name,
      aliases: [],
      keys: [],
      known: known !== undefined,
      broad: known?.broad ?? broad,
    };
    for (const form of [name, ...forms]) {
      if (!row.aliases.includes(form)) row.aliases.push(form);
      const key = nameKey(form);
      if (key && !row.keys.includes(key)) row.keys.push(key);
    }
    concepts.set(id, row);
  };
  const links: { type: ConceptLinkType; paperId: string; conceptId: string; props: object }[] = [];
  const families = new Map<string, object>();
  const claims: unknown[] = [];
  const authors: unknown[] = [];

  const papers = batch.map(({ paper, extraction, contentHash }) => {
    for (const concept of extraction.concepts) {
      addConcept(
        concept.id,
        concept.kind,
        concept.name,
        [...concept.aliases, ...concept.mentions.map((m) => m.text)],
        concept.broad === true,
      );
      if (concept.family) {
        families.set(concept.id, {
          id: concept.id,
          familyId: concept.family.id,
          familyName: concept.family.name,
          familyKind: concept.family.kind,
          familyLabel: KIND_LABELS[concept.family.kind],
          familyKey: nameKey(concept.family.name),
        });
      }
      links.push({
        type: linkTypeOf(concept.kind, concept.role),
        paperId: paper.id,
        conceptId: concept.id,
        props: {
          role: concept.role,
          kind: concept.kind,
          ...evidenceProps(concept.mentions, concept.rules[0] ?? 'unknown', concept.confidence),
        },
      });
    }
    extraction.claims.forEach((claim, index) => {
      const hardwareId = claim.hardware ? conceptId(claim.hardware) : null;
      if (claim.hardware && hardwareId) addConcept(hardwareId, 'hardware', claim.hardware, []);
      claims.push({
        paperId: paper.id,
        id: `${paper.id}#claim-${index}`,
        hardwareId,
        // Only a concept the paper links: the claim's baseline is one of its concepts.
        baselineId: extraction.concepts.some((c) => c.id === claim.baselineConceptId)
          ? claim.baselineConceptId
          : null,
        props: {
          kind: claim.kind,
          value: claim.value,
          low: claim.low,
          high: claim.high,
          unit: claim.unit,
          hardware: claim.hardware,
          baseline: claim.baseline,
          text: claim.text,
        },
        evidence: evidenceProps(claim.mentions, claim.rule, claim.confidence),
      });
    });
    for (const name of paper.authors ?? []) {
      authors.push({ paperId: paper.id, id: `author:${nameKey(name).replace(/\s+/g, '-')}`, name });
    }
    return {
      id: paper.id,
      props: {
        title: paper.title,
        abstract: paper.abstract,
        published: paper.published ?? null,
        year: yearOf(paper.published),
        url: paper.url ?? null,
        venue: paper.venue ?? null,
        source: paper.source,
        codeUrls: extraction.codeUrls,
        contentHash,
        ingestedAt,
      },
    };
  });
  return {
    papers,
    ids: papers.map((p) => p.id),
    concepts: [...concepts.values()],
    families: [...families.values()],
    links,
    claims,
    authors,
  };
}

/** Reports each statement of a write and its wall time in ms (for `bench:ingest --profile`). */
export type StatementTimer = (statement: string, ms: number) => void;

/** A transaction whose statements are named and, when a timer is given, timed. */
type NamedRun = (
  name: string,
  query: string,
  params: Record<string, unknown>,
) => Promise<QueryResult>;

function namedRun(tx: ManagedTransaction, timer?: StatementTimer): NamedRun {
  if (!timer) return async (_name, query, params) => tx.run(query, params);
  return async (name, query, params) => {
    const started = performance.now();
    const result = await tx.run(query, params);
    timer(name, performance.now() - started);
    return result;
  };
}

async function writeRows(run: NamedRun, rows: ReturnType<typeof toWriteRows>) {
  const before = (await run('previous links', PREVIOUS_LINKS, { ids: rows.ids })).records[0];
  const previouslyLinked: string[] = before?.get('linked') ?? [];
  const touched = new Set<string>(before?.get('proposed') ?? []);
  const authorsBefore = (await run('previous authors', PREVIOUS_AUTHORS, { ids: rows.ids }))
    .records[0];
  const previousAuthors: string[] = authorsBefore?.get('authors') ?? [];
  for (const link of rows.links) if (link.type === 'PROPOSES') touched.add(link.conceptId);
  await run('papers', UPSERT_PAPERS, { papers: rows.papers });
  await run('clear derived', CLEAR_DERIVED, { ids: rows.ids });
  if (rows.concepts.length > 0) await run('concepts', UPSERT_CONCEPTS, { concepts: rows.concepts });
  if (rows.families.length > 0) await run('families', LINK_FAMILIES, { families: rows.families });
  if (rows.links.length > 0) await run('links', CREATE_LINKS, { links: rows.links });
  const guessed = rows.concepts.filter((c) => !c.known).map((c) => c.id);
  if (guessed.length > 0) {
    await run('kinds', RESOLVE_KINDS, { conceptIds: guessed, labels: KIND_LABELS });
  }
  if (rows.claims.length > 0) await run('claims', CREATE_CLAIMS, { claims: rows.claims });
  if (rows.authors.length > 0) await run('authors', LINK_AUTHORS, { authors: rows.authors });
  const maxProposers = toInt(MAX_PROPOSERS_FOR_LINEAGE);
  await run('lineage from batch', DERIVE_BUILDS_ON_FROM, { ids: rows.ids, maxProposers });
  if (touched.size > 0) {
    await run('lineage resync', RESYNC_BUILDS_ON, { conceptIds: [...touched], maxProposers });
  }
  if (previouslyLinked.length > 0) {
    await run('orphans', DELETE_ORPHANS, { conceptIds: previouslyLinked });
    const families: string[] = before?.get('families') ?? [];
    if (families.length > 0) await run('orphans', DELETE_ORPHANS, { conceptIds: families });
    // A concept this batch stopped linking lost votes for its kind: count them again.
    const written = new Set(guessed);
    const revote = previouslyLinked.filter((id) => !written.has(id) && !lexiconEntryById(id));
    if (revote.length > 0) {
      await run('kinds', RESOLVE_KINDS, { conceptIds: revote, labels: KIND_LABELS });
    }
  }
  if (previousAuthors.length > 0) {
    await run('orphans', DELETE_ORPHAN_AUTHORS, { authorIds: previousAuthors });
  }
}

/**
 * Takes away everything the papers link and derive (concept links, claims, authorship, lineage)
 * with the bookkeeping of a rewrite: orphaned concepts and authors go, lineage through what they
 * proposed is re-derived, guessed kinds are recounted. The paper nodes themselves stay.
 */
export async function unlinkPapers(tx: ManagedTransaction, ids: string[]): Promise<void> {
  await writeRows(namedRun(tx), {
    papers: [],
    ids,
    concepts: [],
    families: [],
    links: [],
    claims: [],
    authors: [],
  });
}

export interface WriteOptions {
  ingestedAt?: string;
  /** Times each statement, the packing of the rows and the commit. */
  timer?: StatementTimer;
}

/**
 * Writes one batch of extracted papers in a single transaction (retried by the driver on
 * transient errors such as deadlocks between concurrent ingests).
 */
export async function writePapers(
  connection: Neo4jConnection,
  batch: ExtractedPaper[],
  { ingestedAt = new Date().toISOString(), timer }: WriteOptions = {},
): Promise<WriteCounts> {
  if (batch.length === 0) return { papers: 0, links: 0, claims: 0 };
  let started = performance.now();
  const rows = toWriteRows(batch, ingestedAt);
  timer?.('pack rows', performance.now() - started);
  const session = connection.driver.session({ database: connection.database });
  try {
    await session.executeWrite(
      async (tx) => {
        const run = namedRun(tx, timer);
        // Papers and references mapped onto nodes that already hold them under another id.
        const resolved = await resolveExternalIds(tx, batch);
        await writeRows(run, resolved === batch ? rows : toWriteRows(resolved, ingestedAt));
        await writeCitations(tx, resolved);
        await addToCollections(
          tx,
          resolved.map(({ paper }) => ({ id: paper.id, collection: paper.collection })),
        );
        started = performance.now();
      },
      { timeout: 120_000 },
    );
    timer?.('commit', performance.now() - started);
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await session.close();
  }
  await replanAsGraphGrows(connection, rows.papers.length);
  return {
    papers: rows.papers.length,
    links: rows.links.length,
    claims: rows.claims.length,
  };
}

// NOTE: run before the first batch of an ingest, so often planned on an empty graph.
const FIND_HASHES = `
UNWIND $ids AS id
MATCH (p:Paper {id: id}) USING INDEX SEEK p:Paper(id) WHERE p.stub = false
RETURN p.id AS id, p.contentHash AS hash`;

/** The stored content hashes of the given papers, to skip those already written unchanged. */
export async function findContentHashes(
  connection: Neo4jConnection,
  ids: string[],
): Promise<Map<string, string>> {
  const rows = await readRows(connection, FIND_HASHES, { ids }, (row) => ({
    id: row.string('id'),
    hash: row.optionalString('hash'),
  }));
  return new Map(rows.flatMap(({ id, hash }) => (hash === null ? [] : [[id, hash]])));
}
