// Lexicon matches in a sentence: the longest written form wins at each position.
import type { Field } from '../domain.ts';
import type { LexiconEntry, SenseSupport } from './lexicon.ts';
import { MAX_FORM_WORDS, matchLexicon } from './lexicon.ts';
import type { Sentence, Word } from './parse-text.ts';
import type { Candidate } from './concept-candidate.ts';

/** `support` picks the sense of an ambiguous acronym the paper supports (none: no candidate). */
/** A suffix that makes a name a modifier without changing what it names. */
const COMPOUND_SUFFIX =
  /-(?:based|style|like|driven|powered|guided|inspired|augmented|assisted|enhanced|aware|centric|backed)$/i;

export function findLexiconMentions(
  field: Field,
  sentence: Sentence,
  support: SenseSupport,
): Candidate[] {
  const found: Candidate[] = [];
  const words = sentence.words;
  const text = sentence.text;
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    let cut = 0;
    let entry: LexiconEntry | null = null;
    const maxLength = Math.min(MAX_FORM_WORDS, words.length - i);
    for (let length = maxLength; length >= 1; length -= 1) {
      const first = words[i];
      const last = words[i + length - 1];
      if (length > 1 && !onlySpaces(text, sentence.start, words, i, i + length - 1)) continue;
      const surface = text.slice(first.start - sentence.start, last.end - sentence.start);
      const hit = matchLexicon(surface, false, support);
      if (hit !== null) {
        entry = hit;
        matched = length;
        cut = 0;
        break;
      }
      // "CNN-based", "Transformer-style", "convolutional neural network-based": the name in it.
      const suffix = COMPOUND_SUFFIX.exec(surface);
      const named = suffix && matchLexicon(surface.slice(0, suffix.index), false, support);
      if (named) {
        entry = named;
        matched = length;
        cut = suffix[0].length;
        break;
      }
    }
    if (entry !== null) {
      const first = words[i];
      const last = words[i + matched - 1];
      // "Alpaca's instruction data": the possessive is not part of the name.
      const possessive = /['’]s$/.test(last.text) ? 2 : cut;
      found.push({
        id: entry.id,
        kind: entry.kind,
        name: entry.name,
        rule: 'lexicon',
        field,
        start: first.start,
        end: last.end - possessive,
        sentence,
        proposes: false,
      });
      i += matched;
    } else {
      i += 1;
    }
  }
  return found;
}

function onlySpaces(
  text: string,
  offset: number,
  words: Word[],
  from: number,
  to: number,
): boolean {
  for (let k = from; k < to; k += 1) {
    const gap = text.slice(words[k].end - offset, words[k + 1].start - offset);
    if (gap !== ' ' && gap !== '/') return false;
  }
  return true;
}
