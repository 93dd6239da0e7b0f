import { describe, expect, test } from 'vitest';
import { parseText } from '../../src/extract/parse-text.ts';
import { SentenceContext } from '../../src/extract/sentence-context.ts';

// The second sentence starts at field offset 12: its words carry field offsets, not its own.
const [, sentence] = parseText('Prior work. We propose a method, FedSpeed, to train.');
const at = new SentenceContext(sentence);
const word = (text: string) => {
  const found = sentence.words.find((w) => w.text === text);
  if (found === undefined) throw new Error(`no word "${text}"`);
  return found;
};

describe('a sentence context reads the sentence by field offsets', () => {
  const fedSpeed = word('FedSpeed');
  test.each([
    ['between two words', at.between(word('method'), fedSpeed), ', '],
    ['all before a word', at.before(word('method')), 'We propose a '],
    ['the last characters before a word', at.before(word('a'), 8), 'propose '],
    ['more characters than there are before', at.before(word('propose'), 40), 'We '],
    ['all after a word', at.after(fedSpeed), ', to train.'],
    ['the first characters after a word', at.after(word('We'), 8), ' propose'],
    ['a slice by field offsets', at.slice(fedSpeed.start, fedSpeed.end), 'FedSpeed'],
    ['a slice to the sentence end', at.slice(word('train').start), 'train.'],
  ])('%s', (_title, read, expected) => {
    expect(read).toBe(expected);
  });

  test('the sentence starts after the first one', () => {
    expect(at.start).toBe(12);
  });
});
