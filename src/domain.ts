// The shared vocabulary of papergraph: every module speaks in these types.

export const CONCEPT_KINDS = ['method', 'model', 'dataset', 'task', 'metric', 'hardware'] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

/**
 * How a paper relates to a concept it names: its own contribution, part of its method, training
 * or experiments (for a dataset: trained or evaluated on), a baseline it is measured against, or
 * related work and motivation only.
 */
export const ROLES = ['proposes', 'uses', 'compares', 'background'] as const;
export type Role = (typeof ROLES)[number];

export const CLAIM_KINDS = [
  'speedup',
  'memory',
  'compression',
  'communication',
  'batch_size',
  'hardware_scale',
  'compute',
  'energy',
  'latency',
  'throughput',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export type Field = 'title' | 'abstract';

/** A paper as read from a source, before any NLP. */
export interface RawPaper {
  id: string;
  title: string;
  abstract: string;
  authors?: string[];
  /** ISO date (YYYY-MM-DD) when the source gives one; never invented. */
  published?: string | null;
  url?: string | null;
  venue?: string | null;
  /** Where the record came from: `daily`, `jsonl`, `arxiv`, ... */
  source: string;
  /**
   * Other normalised ids of the same paper (`arxiv:2305.14342`, `doi:10.1000/xyz`,
   * `openalex:W123`, `s2:abc`), so one paper from two sources is one node.
   */
  externalIds?: string[];
  /** Normalised ids of the papers it cites, when the source has a reference list. */
  references?: string[];
  /**
   * The collection that brought it (an input file's name, `seed`, an import service), set by the
   * pipeline rather than by readers; a paper belongs to every collection that brought it.
   */
  collection?: string;
}

/** Where a finding stands: `paper[field].slice(start, end) === text`. */
export interface Mention {
  field: Field;
  start: number;
  end: number;
  text: string;
  sentence: string;
}

export interface ExtractedConcept {
  kind: ConceptKind;
  role: Role;
  /** Stable id from the canonical name, e.g. `concept:adam`; the same whatever the kind. */
  id: string;
  name: string;
  aliases: string[];
  confidence: number;
  /** Names of the rules that fired for this concept, strongest first. */
  rules: string[];
  /** Mentions, the one that decided the role first. */
  mentions: Mention[];
  /** The family this concept is a variant of (ResNet-50 -> ResNet), when it has one. */
  family?: { id: string; kind: ConceptKind; name: string } | null;
  /** A broad class (Transformer, CNN): a concept, but no lineage runs through it. */
  broad?: boolean;
}

export interface ExtractedClaim {
  kind: ClaimKind;
  /** The quantity as written: `2.7times`, `270x-600x`, `84%`. */
  value: string;
  low: number;
  high: number;
  unit: string;
  hardware: string | null;
  /** What the claim is measured against, as named in its sentence: "Adam", "strongest baseline". */
  baseline: string | null;
  /** The id of the concept the baseline names, when one of the paper's concepts covers it. */
  baselineConceptId?: string | null;
  text: string;
  rule: string;
  confidence: number;
  mentions: Mention[];
}

/** The extractor's output for one paper (the `papergraph extract` contract). */
export interface Extraction {
  id: string;
  title: string;
  concepts: ExtractedConcept[];
  claims: ExtractedClaim[];
  codeUrls: string[];
}

/** A record that could not be read, reported and skipped. */
export interface SkippedRecord {
  /** `file:line` or `file#entry`. */
  where: string;
  reason: string;
}

/** Why a stored link is there: one mention, and the rule and confidence of the link. */
export interface Evidence extends Mention {
  rule: string;
  confidence: number;
}

/** A paper as stored in the graph. A stub is a paper known only as a citation target. */
export interface Paper {
  id: string;
  title: string;
  abstract: string;
  published: string | null;
  url: string | null;
  venue: string | null;
  source: string | null;
  codeUrls: string[];
}

/** A concept node: one per concept however it is written. */
export interface Concept {
  id: string;
  kind: ConceptKind;
  name: string;
  aliases: string[];
}

/** An efficiency or hardware claim as stored, with the paper that makes it. */
export interface Claim {
  id: string;
  paperId: string;
  kind: ClaimKind;
  value: string;
  low: number;
  high: number;
  unit: string;
  hardware: string | null;
  baseline: string | null;
  text: string;
  evidence: Evidence[];
}
