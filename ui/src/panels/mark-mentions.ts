// Splits a text into plain and marked segments from mention offsets, for highlighting.

export interface MentionSpan {
  start: number;
  end: number;
  /** The node kind or claim that the mention stands for, lower case: a CSS class. */
  kind: string;
  /** What to say on hover: `Adam (method, uses)`. */
  title?: string;
  /** The text the span must cover; a span that does not match the text is dropped. */
  text?: string;
}

export interface TextSegment {
  text: string;
  mark?: MentionSpan;
}

/**
 * Marks each span once. Spans out of range or not matching `text` are dropped; where spans
 * overlap, the earliest wins and among those starting together the longest, so "Adam" inside
 * "AdamW" never splits a word in two.
 */
export function markMentions(text: string, spans: readonly MentionSpan[]): TextSegment[] {
  const valid = spans
    .filter(
      (s) =>
        Number.isInteger(s.start) &&
        Number.isInteger(s.end) &&
        s.start >= 0 &&
        s.end <= text.length &&
        s.start < s.end &&
        (s.text === undefined || text.slice(s.start, s.end) === s.text),
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const span of valid) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start) });
    segments.push({ text: text.slice(span.start, span.end), mark: span });
    at = span.end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at) });
  return segments;
}

/**
 * Where a mention stands inside its evidence sentence. Evidence offsets count from the start of
 * the title or abstract, not the sentence, so the sentence is found in `source` when it is known;
 * otherwise the first occurrence of the mention in the sentence is taken.
 */
export function locateInSentence(
  evidence: { sentence: string; start: number; end: number; text: string },
  source?: string,
): { start: number; end: number } | null {
  const { sentence, text } = evidence;
  if (source !== undefined) {
    const sentenceStart = source.lastIndexOf(sentence, evidence.start);
    if (sentenceStart >= 0 && evidence.end <= sentenceStart + sentence.length) {
      return { start: evidence.start - sentenceStart, end: evidence.end - sentenceStart };
    }
  }
  let start = sentence.indexOf(text);
  if (start < 0) start = sentence.toLowerCase().indexOf(text.toLowerCase());
  return start < 0 || text.length === 0 ? null : { start, end: start + text.length };
}
