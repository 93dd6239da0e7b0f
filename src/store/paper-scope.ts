// Which papers a question is about: one collection, a range of (partial) dates. Shared by the
// reads that take a scope (whoUses, the concept map), as one Cypher condition on a paper `p`.
import { upperDateBound } from './paper-reads.ts';

export interface PaperScope {
  collection?: string | null;
  /** A date or partial date (`2021`, `2021-06`), inclusive. */
  publishedFrom?: string | null;
  /** A date or partial date, inclusive: `2023` keeps all of 2023. */
  publishedTo?: string | null;
}

/** True when the scope leaves papers out; an unscoped read can use the degree store. */
export function isScoped(scope: PaperScope): boolean {
  return Boolean(scope.collection || scope.publishedFrom || scope.publishedTo);
}

/** The condition on a paper `p`, with the parameters of `scopeParams`. */
export const IN_SCOPE = `($collection IS NULL OR EXISTS { (p)-[:IN_COLLECTION]->(:Collection {name: $collection}) })
      AND ($publishedFrom IS NULL OR p.published >= $publishedFrom)
      AND ($publishedTo IS NULL OR p.published <= $publishedTo)`;

export function scopeParams(scope: PaperScope): Record<string, string | null> {
  return {
    collection: scope.collection ?? null,
    publishedFrom: scope.publishedFrom ?? null,
    publishedTo: scope.publishedTo ? upperDateBound(scope.publishedTo) : null,
  };
}
