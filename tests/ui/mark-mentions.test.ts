import { describe, expect, test } from 'vitest';
import {
  locateInSentence,
  markMentions,
  type MentionSpan,
} from '../../ui/src/panels/mark-mentions.ts';

const abstract = 'We fine-tune GPT-2 with AdamW, not Adam, on WikiText-103.';
const at = (text: string, kind: string, from = 0): MentionSpan => {
  const start = abstract.indexOf(text, from);
  return { start, end: start + text.length, kind, text };
};
const render = (text: string, spans: MentionSpan[]) =>
  markMentions(text, spans)
    .map((s) => (s.mark ? `[${s.text}|${s.mark.kind}]` : s.text))
    .join('');

describe('markMentions', () => {
  test.each<[string, MentionSpan[], string]>([
    ['no spans', [], abstract],
    [
      'every mention, by kind',
      [at('GPT-2', 'model'), at('AdamW', 'method'), at('WikiText-103', 'dataset')],
      'We fine-tune [GPT-2|model] with [AdamW|method], not Adam, on [WikiText-103|dataset].',
    ],
    [
      'spans given in any order',
      [at('WikiText-103', 'dataset'), at('GPT-2', 'model')],
      'We fine-tune [GPT-2|model] with AdamW, not Adam, on [WikiText-103|dataset].',
    ],
    [
      'overlaps: the longest of those starting first wins',
      [at('Adam', 'method'), at('AdamW', 'method')],
      'We fine-tune GPT-2 with [AdamW|method], not Adam, on WikiText-103.',
    ],
    [
      'overlaps: a span starting inside an earlier one is dropped',
      [at('GPT-2 with', 'claim'), at('with AdamW', 'method')],
      'We fine-tune [GPT-2 with|claim] AdamW, not Adam, on WikiText-103.',
    ],
    [
      'spans whose text does not match the offsets are dropped',
      [{ ...at('GPT-2', 'model'), text: 'GPT-3' }, at('Adam', 'method', 30)],
      'We fine-tune GPT-2 with AdamW, not [Adam|method], on WikiText-103.',
    ],
    [
      'spans out of range or empty are dropped',
      [
        { start: -1, end: 2, kind: 'x' },
        { start: 50, end: 99, kind: 'x' },
        { start: 5, end: 5, kind: 'x' },
      ],
      abstract,
    ],
    [
      'a span at the very start and one at the very end',
      [
        { start: 0, end: 2, kind: 'a' },
        { start: abstract.length - 1, end: abstract.length, kind: 'b' },
      ],
      '[We|a] fine-tune GPT-2 with AdamW, not Adam, on WikiText-103[.|b]',
    ],
  ])('%s', (_, spans, expected) => {
    expect(render(abstract, spans)).toBe(expected);
  });

  test('the segments always add up to the text', () => {
    const spans = [at('Adam', 'method', 30), at('GPT-2', 'model'), at('with AdamW', 'method')];
    expect(
      markMentions(abstract, spans)
        .map((s) => s.text)
        .join(''),
    ).toBe(abstract);
  });

  test('an empty text is one empty segment', () => {
    expect(markMentions('', [])).toEqual([{ text: '' }]);
  });
});

describe('locateInSentence', () => {
  const source = 'Adam is common. We compare Sophia with Adam and Adam with SGD.';
  const sentence = 'We compare Sophia with Adam and Adam with SGD.';
  const second = source.lastIndexOf('Adam');

  test('uses the abstract offsets when the source text is known, so the right "Adam" is marked', () => {
    const span = locateInSentence(
      { sentence, start: second, end: second + 4, text: 'Adam' },
      source,
    );
    expect(span).toEqual({
      start: sentence.lastIndexOf('Adam'),
      end: sentence.lastIndexOf('Adam') + 4,
    });
  });

  test.each([
    ['first occurrence without the source', 'Adam', { start: 23, end: 27 }],
    ['case-insensitive as a last resort', 'sophia', { start: 11, end: 17 }],
    ['null when the mention is not in the sentence', 'LoRA', null],
  ])('%s', (_, text, expected) => {
    expect(locateInSentence({ sentence, start: 0, end: text.length, text })).toEqual(expected);
  });
});
