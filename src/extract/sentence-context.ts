// A sentence read by the offsets its words carry (the field's), so rules never do offset arithmetic.
import type { Sentence, Word } from './parse-text.ts';

export class SentenceContext {
  readonly words: Word[];
  readonly text: string;
  /** The field offset of the first character of `text`. */
  readonly start: number;

  constructor(readonly sentence: Sentence) {
    this.words = sentence.words;
    this.text = sentence.text;
    this.start = sentence.start;
  }

  /** The text from field offset `from` up to `to`, or to the sentence end. */
  slice(from: number, to?: number): string {
    return this.text.slice(from - this.start, to === undefined ? undefined : to - this.start);
  }

  /** What separates two words: `' '` in "deep learning", `', '` in "method, FedSpeed". */
  between(a: Word, b: Word): string {
    return this.text.slice(a.end - this.start, b.start - this.start);
  }

  /** The text before a word: from the sentence start, or its last `chars` characters. */
  before(word: Word, chars?: number): string {
    const at = word.start - this.start;
    return this.text.slice(chars === undefined ? 0 : Math.max(0, at - chars), at);
  }

  /** The text after a word: to the sentence end, or its first `chars` characters. */
  after(word: Word, chars?: number): string {
    const at = word.end - this.start;
    return this.text.slice(at, chars === undefined ? undefined : at + chars);
  }
}
