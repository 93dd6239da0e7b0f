// Concept identity: the same concept in two papers, or in a user's query, gets the same id.
import type { ConceptKind } from '../domain.ts';
import { lookupLexicon } from './lexicon.ts';
import { conceptIdOf } from './name-key.ts';

export { conceptIdOf, nameKey, slugName } from './name-key.ts';

/**
 * The stable id of a concept: `concept:` and the slug of its canonical name, whatever kind a rule guessed, so
 * one name is one node and its kind may change without changing its id. A name the lexicon
 * knows (any alias, any case, hyphenation or plural: `STE`, `straight through estimators`)
 * resolves to its entry's id; an ambiguous form (SAM) has no id of its own, only its senses do.
 * Unknown names are slugged as written.
 */
export function conceptId(name: string): string {
  const known = lookupLexicon(name);
  return known.length === 1 ? known[0].id : conceptIdOf(name);
}

/**
 * Every id a free-text query may mean, for lookups: the lexicon's entries for it (every sense of
 * an ambiguous acronym), else its slug. `resolveConceptIds('adam')` -> `['concept:adam']`.
 */
export function resolveConceptIds(query: string, kinds?: readonly ConceptKind[]): string[] {
  const known = lookupLexicon(query).filter(
    (entry) => kinds === undefined || kinds.includes(entry.kind),
  );
  if (known.length > 0) return known.map((entry) => entry.id);
  return [conceptIdOf(query)];
}
