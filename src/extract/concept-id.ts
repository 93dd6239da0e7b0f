// Concept identity: the same concept in two papers, or in a user's query, gets the same id.
import type { ConceptKind } from '../domain.ts';
import { lookupLexicon } from './lexicon.ts';
import { slugName } from './name-key.ts';

export { nameKey, slugName } from './name-key.ts';

/**
 * The stable id of a concept: `kind:slug`, where a name the lexicon knows (any alias, any case,
 * hyphenation or plural: `STE`, `straight through estimators`) resolves to its canonical name's slug.
 * Unknown names are slugged as written.
 */
export function conceptId(kind: ConceptKind, name: string): string {
  const known = lookupLexicon(name).find((entry) => entry.kind === kind);
  return known !== undefined ? known.id : `${kind}:${slugName(name)}`;
}

/**
 * Every id a free-text query may mean, for search: the lexicon's entries for it (any kind), else
 * the slug of the query under every kind. `resolveConceptIds('adam')` -> `['method:adam']`.
 */
export function resolveConceptIds(query: string, kinds?: readonly ConceptKind[]): string[] {
  const known = lookupLexicon(query).filter(
    (entry) => kinds === undefined || kinds.includes(entry.kind),
  );
  if (known.length > 0) return known.map((entry) => entry.id);
  const slug = slugName(query);
  return (kinds ?? (['method', 'model', 'dataset', 'task', 'metric', 'hardware'] as const)).map(
    (kind) => `${kind}:${slug}`,
  );
}
