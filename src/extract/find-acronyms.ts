// Acronyms defined in the text: "Deep Gradient Compression (DGC)", "ReSTE for short".
import type { Sentence } from './parse-text.ts';

export interface AcronymDefinition {
  short: string;
  long: string;
  /** Absolute offsets of the long form and of the acronym. */
  longStart: number;
  longEnd: number;
  shortStart: number;
  shortEnd: number;
  sentence: Sentence;
}

const PAREN = /\(\s*([A-Za-z][A-Za-z0-9&+-]{0,12}?)(?:\s+for short)?\s*(?:[;,][^)]*)?\)/g;

/** Finds `long form (ACRONYM)` pairs with the Schwartz-Hearst letter alignment. */
export function findAcronyms(sentences: Sentence[]): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    PAREN.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = PAREN.exec(text)) !== null) {
      const short = match[1];
      const letters = short.replace(/[^A-Za-z0-9]/g, '');
      if (letters.length < 2 || !/[A-Z]/.test(short) || !/^[A-Za-z]/.test(short)) continue;
      // An acronym has more capitals than a word in brackets: "(DGC)", "(GraNd)", not "(Sophia)".
      if ((short.match(/[A-Z]/g) ?? []).length < 2) continue;
      const core = short.replace(/(?<=[A-Z])s$/, '');
      const before = text.slice(0, match.index).replace(/\s+$/, '');
      const words = before.split(' ');
      const maxWords = Math.min(core.length + 5, core.length * 2);
      const candidate = words.slice(-maxWords).join(' ');
      const long = bestLongForm(core, candidate);
      if (long === null) continue;
      const trimmed = trimLongForm(long);
      if (trimmed.length <= short.length || /[()[\]{}]/.test(trimmed)) continue;
      const longStart = sentence.start + before.length - trimmed.length;
      const shortOffset = match.index + match[0].indexOf(short);
      found.push({
        short,
        long: trimmed,
        longStart,
        longEnd: sentence.start + before.length,
        shortStart: sentence.start + shortOffset,
        shortEnd: sentence.start + shortOffset + short.length,
        sentence,
      });
    }
  }
  return found;
}

function isAlnum(c: string): boolean {
  return /[A-Za-z0-9]/.test(c);
}

/** Schwartz & Hearst (2003): align the acronym's letters right to left, first letter at a word start. */
function bestLongForm(short: string, long: string): string | null {
  let s = short.length - 1;
  let l = long.length - 1;
  while (s >= 0) {
    const c = short[s].toLowerCase();
    if (!isAlnum(c)) {
      s -= 1;
      continue;
    }
    while ((l >= 0 && long[l].toLowerCase() !== c) || (s === 0 && l > 0 && isAlnum(long[l - 1]))) {
      l -= 1;
    }
    if (l < 0) return null;
    l -= 1;
    s -= 1;
  }
  const start = long.lastIndexOf(' ', l) + 1;
  return long.slice(start);
}

const LEADING_NOISE =
  /^(?:(?:a|an|the|our|we|this|that|these|its|their|of|and|or|to|in|on|for|with|by|as|new|novel|called|named|termed|dubbed|so-called|propose|proposes|present|presents|introduce|introduces|use|uses|using)\s+)+/i;

function trimLongForm(long: string): string {
  return /[,:;"']$/.test(long) ? '' : long.replace(LEADING_NOISE, '');
}
