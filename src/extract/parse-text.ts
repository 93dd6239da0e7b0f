// The only module that touches compromise: one parse per text, converted at once to plain words
// with character offsets, so no compromise View escapes `src/extract/`.
import nlp from 'compromise';

/** A coarse part of speech, enough for the noun-phrase and cue rules. */
export type Pos =
  'noun' | 'adj' | 'verb' | 'gerund' | 'det' | 'prep' | 'conj' | 'num' | 'pron' | 'adv' | 'other';

/** A word: compromise terms joined without a gap or by a hyphen (`WTA-CRS`, `ImageNet-1k`). */
export interface Word {
  start: number;
  end: number;
  text: string;
  /** Lower-case text. */
  lower: string;
  pos: Pos;
  /** Compromise thinks it is a proper noun or acronym. */
  proper: boolean;
  plural: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  words: Word[];
}

interface Term {
  text: string;
  tags: Set<string>;
}

/**
 * Longest text analysed per field. Longer inputs (a 5 MB "abstract") are cut here so one record
 * cannot stall a worker; offsets stay valid because only a prefix is read.
 * @default 50_000
 */
export const MAX_ANALYSED_CHARS = 50_000;

export function parseText(fullText: string): Sentence[] {
  const text =
    fullText.length > MAX_ANALYSED_CHARS ? fullText.slice(0, MAX_ANALYSED_CHARS) : fullText;
  if (text.trim() === '') return [];
  let document: Term[][];
  try {
    document = (nlp(text) as unknown as { document: Term[][] }).document;
  } catch {
    return [];
  }
  const sentences: Sentence[] = [];
  let cursor = 0;
  for (const terms of document) {
    const words: Word[] = [];
    let last: { end: number; tags: Set<string>; parts: Set<string>[] } | null = null;
    for (const term of terms) {
      // Bare punctuation set off by spaces (" , " in tokenised text) is not a word.
      if (term.text === '' || !/[\p{L}\p{N}]/u.test(term.text)) continue;
      const at = text.indexOf(term.text, cursor);
      if (at === -1 || at - cursor > 200) continue;
      const end = at + term.text.length;
      const gap = last === null ? null : text.slice(last.end, at);
      const word = words[words.length - 1];
      if (word !== undefined && last !== null && (gap === '' || gap === '-')) {
        word.end = end;
        word.text = text.slice(word.start, end);
        word.lower = word.text.toLowerCase();
        last.parts.push(term.tags);
        last.end = end;
        word.pos = hyphenatedPos(word.lower, last.parts);
        word.plural = term.tags.has('Plural');
      } else {
        words.push({
          start: at,
          end,
          text: term.text,
          lower: term.text.toLowerCase(),
          pos: posOf(term.tags, term.text),
          proper: term.tags.has('ProperNoun') || term.tags.has('Acronym'),
          plural: term.tags.has('Plural'),
        });
        last = { end, tags: term.tags, parts: [term.tags] };
      }
      cursor = end;
    }
    if (words.length === 0) continue;
    // "to compare our method": a noun after "to" and before a determiner is a verb.
    for (let i = 1; i + 1 < words.length; i += 1) {
      if (words[i - 1].lower === 'to' && words[i].pos === 'noun' && words[i + 1].pos === 'det') {
        words[i].pos = 'verb';
      }
    }
    const start = words[0].start;
    sentences.push({ start, end: words[words.length - 1].end, text: '', words });
  }
  // A sentence runs to the start of the next one, so its closing punctuation is included.
  for (let i = 0; i < sentences.length; i += 1) {
    const next = sentences[i + 1];
    const end = next === undefined ? text.length : next.start;
    sentences[i].end = end;
    sentences[i].text = text.slice(sentences[i].start, end).trimEnd();
    sentences[i].end = sentences[i].start + sentences[i].text.length;
  }
  return sentences;
}

const POSSESSIVE_PRONOUN = /^(?:our|their|its|his|her|my|your)$/i;

function posOf(tags: Set<string>, text = ''): Pos {
  if (POSSESSIVE_PRONOUN.test(text)) return 'det';
  if (tags.has('Value') || tags.has('NumericValue')) return 'num';
  if (tags.has('Pronoun')) return 'pron';
  if (tags.has('Determiner')) return 'det';
  if (tags.has('Preposition')) return 'prep';
  if (tags.has('Conjunction')) return 'conj';
  if (tags.has('Gerund')) return 'gerund';
  if (tags.has('Verb') || tags.has('Copula') || tags.has('Modal')) return 'verb';
  if (tags.has('Adverb')) return 'adv';
  if (tags.has('Adjective')) return 'adj';
  if (tags.has('Noun')) return 'noun';
  return 'other';
}

const ADJECTIVAL_SUFFIX =
  /-(?:based|art|level|scale|aware|free|efficient|specific|dependent|independent|like|driven|oriented|wise|order|time|grained|trained|shot|supervised|step)$/;

function hyphenatedPos(lower: string, parts: Set<string>[]): Pos {
  if (ADJECTIVAL_SUFFIX.test(lower)) return 'adj';
  const head = parts[parts.length - 1];
  const pos = posOf(head);
  if (pos === 'num' && /[a-z]/.test(lower)) return 'noun'; // GPT-2, ResNet-50, ImageNet-1k
  if (pos === 'verb' || pos === 'det' || pos === 'prep') return 'adj';
  return pos;
}

/** compromise's bare tagging of a text, result discarded: the benchmark's baseline. */
export function tagOnly(text: string): number {
  return (nlp(text) as unknown as { document: unknown[] }).document.length;
}
